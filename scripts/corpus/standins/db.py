"""psql 15 against the shop database's replica (pg_stat_statements, pg_stat_activity -x, \\d+ orders,
EXPLAIN ANALYZE) and the mysql 8.0 client against the legacy orders database (batch, -t table, \\G)."""
import random

from fmt import mysql_batch, mysql_table, mysql_vertical, psql_aligned, psql_expanded

rnd = random.Random(5531)

PSQL = ["-h", "db-replica-2.internal", "-U", "readonly", "-d", "shop"]
Q_STATEMENTS = ("SELECT queryid, calls, round(total_exec_time::numeric, 1) AS total_ms, "
                "round(mean_exec_time::numeric, 2) AS mean_ms, rows, left(query, 70) AS query "
                "FROM pg_stat_statements ORDER BY total_exec_time DESC LIMIT 40")
Q_ACTIVITY = "SELECT * FROM pg_stat_activity WHERE state <> 'idle' AND pid <> pg_backend_pid()"
Q_EXPLAIN = ("EXPLAIN (ANALYZE, BUFFERS) SELECT o.* FROM orders o WHERE o.customer_id = 88213 "
             "AND o.created_at > now() - interval '90 days' ORDER BY o.created_at DESC LIMIT 20")

SLOW_QUERYID = "-4127735092318856241"


def statements():
    queries = [
        "SELECT o.* FROM orders o WHERE o.customer_id = $1 AND o.created_at > now() - interval '90 days' ORDER BY o.created_at DESC LIMIT $2",
        "UPDATE stock_levels SET reserved = reserved + $1 WHERE sku = $2 AND warehouse = $3",
        "SELECT count(*) FROM order_lines ol JOIN orders o ON o.id = ol.order_id WHERE o.status = $1",
        "INSERT INTO order_events (order_id, kind, payload, created_at) VALUES ($1, $2, $3, now())",
        "SELECT p.* FROM products p WHERE p.sku = ANY($1)",
        "SELECT c.id, c.email, c.tier FROM customers c WHERE c.email = $1",
        "WITH recent AS (SELECT customer_id, sum(total) AS spent FROM orders WHERE created_at > $1 GROUP BY customer_id) SELECT * FROM recent WHERE spent > $2",
        "SELECT * FROM carts WHERE session_id = $1 FOR UPDATE",
        "UPDATE orders SET status = $1, updated_at = now() WHERE id = $2",
        "SELECT s.* FROM shipments s WHERE s.order_id = $1",
        "DELETE FROM cart_items WHERE cart_id = $1 AND sku = $2",
        "SELECT r.* FROM refunds r WHERE r.created_at BETWEEN $1 AND $2 ORDER BY r.created_at",
        "COPY order_events TO STDOUT (FORMAT csv)", "SELECT pg_advisory_xact_lock($1)", "BEGIN", "COMMIT",
        "SELECT w.code, sum(s.available) FROM stock_levels s JOIN warehouses w ON w.id = s.warehouse_id GROUP BY w.code",
        "SELECT id FROM orders WHERE status = $1 AND updated_at < now() - $2::interval LIMIT $3 FOR UPDATE SKIP LOCKED",
        "INSERT INTO payments (order_id, amount, currency, acquirer_ref, status) VALUES ($1, $2, $3, $4, $5) RETURNING id",
        "SELECT n.nspname, c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE c.relkind = $1",
    ]
    rows = []
    total = 9_812_441.7
    for k in range(40):
        q = queries[k % len(queries)] if k < len(queries) else rnd.choice(queries[:12]).replace("$1", "$3")
        calls = rnd.randint(40, 4_000_000)
        mean = total / calls
        qid = SLOW_QUERYID if k == 0 else str(rnd.randint(-2**63, 2**63 - 1))
        rows.append([qid, str(calls), f"{total:.1f}", f"{mean:.2f}", str(int(calls * rnd.uniform(0.2, 40))), q[:70]])
        total *= rnd.uniform(0.45, 0.92)
    return psql_aligned(["queryid", "calls", "total_ms", "mean_ms", "rows", "query"], rows, numeric={0, 1, 2, 3, 4})


def activity():
    header = ["datid", "datname", "pid", "leader_pid", "usesysid", "usename", "application_name", "client_addr",
              "client_hostname", "client_port", "backend_start", "xact_start", "query_start", "state_change",
              "wait_event_type", "wait_event", "state", "backend_xid", "backend_xmin", "query_id", "query", "backend_type"]
    rows = []
    apps = [("app_rw", "orders-service"), ("app_rw", "order-worker"), ("metabase", "Metabase v0.51.4 [a1b2c3d4-5e6f]"),
            ("app_ro", "storefront-api"), ("replicator", "walreceiver")]
    for k in range(9):
        user, app = apps[k % len(apps)]
        state = "active" if k % 3 else "idle in transaction"
        wait = ("Lock", "transactionid") if k in (1, 4) else (("Client", "ClientRead") if state != "active" else ("", ""))
        q = {0: "SELECT o.* FROM orders o WHERE o.customer_id = 88213 AND o.created_at > now() - interval '90 days' ORDER BY o.created_at DESC LIMIT 20",
             1: "UPDATE stock_levels SET reserved = reserved + 1 WHERE sku = 'SKU-88412' AND warehouse = 'FRA-2'",
             2: "SELECT date_trunc('day', created_at) AS day, count(*), sum(total) FROM orders WHERE created_at > '2026-08-01' GROUP BY 1 ORDER BY 1",
             3: "SELECT * FROM carts WHERE session_id = 'b7f1c2d9e4' FOR UPDATE"}.get(k % 4, "COMMIT")
        start = f"2026-11-27 10:{rnd.randint(0, 12):02d}:{rnd.randint(0, 59):02d}.{rnd.randint(0, 999999):06d}+00"
        rows.append(["16402", "shop", str(88100 + k * 37), "", str(16400 + k % 5), user, app,
                     f"10.20.{rnd.randint(1, 9)}.{rnd.randint(2, 250)}", "", str(rnd.randint(30000, 65000)),
                     "2026-11-27 0%d:%02d:%02d.%06d+00" % (rnd.randint(6, 9), rnd.randint(0, 59), rnd.randint(0, 59), rnd.randint(0, 999999)),
                     "2026-11-27 09:41:07.118230+00" if k == 0 else start, start, start, wait[0], wait[1], state,
                     str(918300 + k) if k % 2 else "", str(918290 + k), str(rnd.randint(-2**63, 2**63 - 1)), q, "client backend"])
    return psql_expanded(header, rows)


def describe_orders():
    cols = [("id", "bigint", "", "not null", "nextval('orders_id_seq'::regclass)", "plain", "", "", ""),
            ("public_id", "text", "", "not null", "", "extended", "", "", "ORD-nnnnn-XX, shown to customers"),
            ("customer_id", "bigint", "", "not null", "", "plain", "", "", ""),
            ("status", "order_status", "", "not null", "'NEW'::order_status", "plain", "", "", ""),
            ("currency", "character(3)", "", "not null", "'EUR'::bpchar", "extended", "", "", ""),
            ("total", "numeric(12,2)", "", "not null", "", "main", "", "", ""),
            ("warehouse", "text", "", "", "", "extended", "", "", ""),
            ("shipping_address", "jsonb", "", "", "", "extended", "", "", ""),
            ("created_at", "timestamp with time zone", "", "not null", "now()", "plain", "", "", ""),
            ("updated_at", "timestamp with time zone", "", "not null", "now()", "plain", "", "", ""),
            ("failure_reason", "text", "", "", "", "extended", "", "", "")]
    text = psql_aligned(["Column", "Type", "Collation", "Nullable", "Default", "Storage", "Compression", "Stats target",
                         "Description"], [list(c) for c in cols], numeric=set(), title='Table "public.orders"', footer=False)
    return text[:-1] + """Indexes:
    "orders_pkey" PRIMARY KEY, btree (id)
    "orders_public_id_key" UNIQUE CONSTRAINT, btree (public_id)
    "orders_created_at_idx" btree (created_at)
    "orders_status_updated_at_idx" btree (status, updated_at) WHERE status = ANY (ARRAY['NEW'::order_status, 'PAYMENT_PENDING'::order_status])
Check constraints:
    "orders_total_check" CHECK (total >= 0::numeric)
Foreign-key constraints:
    "orders_customer_id_fkey" FOREIGN KEY (customer_id) REFERENCES customers(id)
Referenced by:
    TABLE "order_events" CONSTRAINT "order_events_order_id_fkey" FOREIGN KEY (order_id) REFERENCES orders(id) ON DELETE CASCADE
    TABLE "order_lines" CONSTRAINT "order_lines_order_id_fkey" FOREIGN KEY (order_id) REFERENCES orders(id) ON DELETE CASCADE
    TABLE "payments" CONSTRAINT "payments_order_id_fkey" FOREIGN KEY (order_id) REFERENCES orders(id)
    TABLE "refunds" CONSTRAINT "refunds_order_id_fkey" FOREIGN KEY (order_id) REFERENCES orders(id)
    TABLE "shipments" CONSTRAINT "shipments_order_id_fkey" FOREIGN KEY (order_id) REFERENCES orders(id)
Publications:
    "debezium_orders"
Triggers:
    orders_touch_updated_at BEFORE UPDATE ON orders FOR EACH ROW EXECUTE FUNCTION touch_updated_at()
Access method: heap

"""


def explain():
    plan = """ Limit  (cost=0.57..4127.33 rows=20 width=412) (actual time=3811.204..3811.229 rows=20 loops=1)
   Buffers: shared hit=11842 read=402117 dirtied=12
   I/O Timings: shared read=3402.118
   ->  Index Scan Backward using orders_created_at_idx on orders o  (cost=0.57..1893421.02 rows=9174 width=412) (actual time=3811.201..3811.222 rows=20 loops=1)
         Index Cond: (created_at > (now() - '90 days'::interval))
         Filter: (customer_id = 88213)
         Rows Removed by Filter: 4180227
         Buffers: shared hit=11842 read=402117 dirtied=12
         I/O Timings: shared read=3402.118
 Planning:
   Buffers: shared hit=214 read=3
   I/O Timings: shared read=0.041
 Planning Time: 0.612 ms
 Execution Time: 3811.301 ms"""
    rows = [[l] for l in plan.split("\n")]
    w = max(len(r[0]) for r in rows)
    head = "QUERY PLAN"
    left = (w + 0 - len(head)) // 2
    out = [" " + " " * left + head + " " * (w - len(head) - left) + " ", "-" * (w + 2)]
    out += [(" " + r[0]).rstrip() if not r[0].startswith(" ") else r[0].rstrip() for r in rows]
    out.append(f"({len(rows)} rows)")
    return "\n".join(out) + "\n\n"


# ---- mysql ---------------------------------------------------------------------------------------------------

MYSQL = ["-h", "mysql-orders-1.internal", "-u", "ops", "legacy_orders"]
Q_PROCESSLIST = "SHOW FULL PROCESSLIST"
Q_PENDING = ("SELECT id, customer_id, status, total_cents, currency, payment_ref, created_at, updated_at FROM orders "
             "WHERE status IN ('PENDING','PAYMENT_REVIEW') AND created_at < NOW() - INTERVAL 1 HOUR ORDER BY created_at LIMIT 300")
Q_INNODB = "SHOW ENGINE INNODB STATUS\\G"


def processlist():
    header = ["Id", "User", "Host", "db", "Command", "Time", "State", "Info"]
    rows = [["5", "event_scheduler", "localhost", "NULL", "Daemon", "2210417", "Waiting on empty queue", "NULL"],
            ["812", "repl", "10.30.2.14:48812", "NULL", "Binlog Dump GTID", "1904412",
             "Source has sent all binlog to replica; waiting for more updates", "NULL"]]
    for k in range(58):
        user = rnd.choice(["legacy_app", "legacy_app", "legacy_app", "etl", "ops"])
        cmd = rnd.choice(["Sleep", "Sleep", "Sleep", "Query"])
        info, state, t = "NULL", "", str(rnd.randint(0, 300))
        if cmd == "Query":
            info = rnd.choice(["SELECT * FROM orders WHERE customer_id = 77120 ORDER BY created_at DESC",
                               "UPDATE orders SET status = 'CANCELLED', updated_at = NOW() WHERE status = 'PENDING' AND created_at < NOW() - INTERVAL 2 DAY",
                               "INSERT INTO order_audit (order_id, action, actor, at) VALUES (991822, 'status', 'legacy_app', NOW())"])
            state = "updating" if info.startswith("UPDATE") else ("waiting for handler commit" if info.startswith("INSERT") else "executing")
            if info.startswith("UPDATE") and k == 17:
                t, state = "1184", "updating"
            elif info.startswith("INSERT"):
                state, t = "Waiting for table metadata lock" if k % 5 == 0 else state, t
        rows.append([str(91200 + k * 13), user, f"10.30.{rnd.randint(1, 6)}.{rnd.randint(2, 250)}:{rnd.randint(30000, 65000)}",
                     "legacy_orders", cmd, t, state, info])
    rows.append(["93011", "ops", "10.30.9.4:51220", "legacy_orders", "Query", "0", "init", "SHOW FULL PROCESSLIST"])
    return mysql_batch(header, rows)


def pending_orders():
    header = ["id", "customer_id", "status", "total_cents", "currency", "payment_ref", "created_at", "updated_at"]
    rows = []
    for k in range(300):
        st = "PAYMENT_REVIEW" if k % 11 == 3 else "PENDING"
        ref = "NULL" if k % 7 == 0 else f"psp_{rnd.getrandbits(48):012x}"
        if k == 211:
            ref, st = "psp_7f3a9c0e41d2", "PAYMENT_REVIEW"
        d = 21 + k // 60
        rows.append([str(988000 + k * 7 + rnd.randint(0, 6)), str(rnd.randint(10000, 99999)), st,
                     str(rnd.randint(499, 250000)), rnd.choice(["EUR", "EUR", "EUR", "CHF", "GBP"]), ref,
                     f"2026-11-{d:02d} {rnd.randint(0, 23):02d}:{rnd.randint(0, 59):02d}:{rnd.randint(0, 59):02d}",
                     f"2026-11-{d:02d} {rnd.randint(0, 23):02d}:{rnd.randint(0, 59):02d}:{rnd.randint(0, 59):02d}"])
    return mysql_table(header, rows, numeric={0, 1, 3})


def innodb_status():
    status = """
=====================================
2026-11-27 10:21:07 0x7f3a2c1f6700 INNODB MONITOR OUTPUT
=====================================
Per second averages calculated from the last 11 seconds
-----------------
BACKGROUND THREAD
-----------------
srv_master_thread loops: 182211 srv_active, 0 srv_shutdown, 2028113 srv_idle
srv_master_thread log flush and writes: 0
----------
SEMAPHORES
----------
OS WAIT ARRAY INFO: reservation count 8841207
OS WAIT ARRAY INFO: signal count 8309112
RW-shared spins 0, rounds 0, OS waits 0
RW-excl spins 0, rounds 0, OS waits 0
RW-sx spins 0, rounds 0, OS waits 0
Spin rounds per wait: 0.00 RW-shared, 0.00 RW-excl, 0.00 RW-sx
------------------------
LATEST DETECTED DEADLOCK
------------------------
2026-11-27 10:17:42 140888211744512
*** (1) TRANSACTION:
TRANSACTION 4410928117, ACTIVE 2 sec starting index read
mysql tables in use 1, locked 1
LOCK WAIT 6 lock struct(s), heap size 1128, 4 row lock(s), undo log entries 2
MySQL thread id 91421, OS thread handle 140888212838144, query id 7712094410 10.30.4.77 legacy_app updating
UPDATE orders SET status = 'CANCELLED', updated_at = NOW() WHERE status = 'PENDING' AND created_at < NOW() - INTERVAL 2 DAY

*** (1) HOLDS THE LOCK(S):
RECORD LOCKS space id 412 page no 88213 n bits 200 index idx_status_created of table `legacy_orders`.`orders` trx id 4410928117 lock_mode X locks rec but not gap
Record lock, heap no 17 PHYSICAL RECORD: n_fields 3; compact format; info bits 0
 0: len 7; hex 50454e44494e47; asc PENDING;;
 1: len 5; hex 99b1b2a3c1; asc      ;;
 2: len 8; hex 80000000000f1562; asc        b;;

*** (1) WAITING FOR THIS LOCK TO BE GRANTED:
RECORD LOCKS space id 412 page no 30117 n bits 128 index PRIMARY of table `legacy_orders`.`orders` trx id 4410928117 lock_mode X locks rec but not gap waiting
Record lock, heap no 61 PHYSICAL RECORD: n_fields 14; compact format; info bits 0
 0: len 8; hex 80000000000f1562; asc        b;;
 1: len 6; hex 000106e8b1f5; asc       ;;

*** (2) TRANSACTION:
TRANSACTION 4410928121, ACTIVE 1 sec starting index read
mysql tables in use 1, locked 1
LOCK WAIT 4 lock struct(s), heap size 1128, 2 row lock(s), undo log entries 1
MySQL thread id 91537, OS thread handle 140888211744512, query id 7712094433 10.30.2.19 legacy_app updating
UPDATE orders SET status = 'PAID', payment_ref = 'psp_7f3a9c0e41d2', updated_at = NOW() WHERE id = 988213

*** (2) HOLDS THE LOCK(S):
RECORD LOCKS space id 412 page no 30117 n bits 128 index PRIMARY of table `legacy_orders`.`orders` trx id 4410928121 lock_mode X locks rec but not gap
Record lock, heap no 61 PHYSICAL RECORD: n_fields 14; compact format; info bits 0
 0: len 8; hex 80000000000f1562; asc        b;;

*** (2) WAITING FOR THIS LOCK TO BE GRANTED:
RECORD LOCKS space id 412 page no 88213 n bits 200 index idx_status_created of table `legacy_orders`.`orders` trx id 4410928121 lock_mode X locks rec but not gap waiting
Record lock, heap no 17 PHYSICAL RECORD: n_fields 3; compact format; info bits 0
 0: len 7; hex 50454e44494e47; asc PENDING;;

*** WE ROLL BACK TRANSACTION (2)
------------
TRANSACTIONS
------------
Trx id counter 4410931007
Purge done for trx's n:o < 4410930112 undo n:o < 0 state: running but idle
History list length 18841
LIST OF TRANSACTIONS FOR EACH SESSION:
"""
    for k in range(24):
        status += f"---TRANSACTION {421960000000000 + rnd.randint(0, 99999999)}, not started\n0 lock struct(s), heap size 1128, 0 row lock(s)\n"
    status += """---TRANSACTION 4410930981, ACTIVE 1184 sec updating or deleting
mysql tables in use 1, locked 1
18211 lock struct(s), heap size 2187384, 1104412 row lock(s), undo log entries 402118
MySQL thread id 91421, OS thread handle 140888212838144, query id 7712101877 10.30.4.77 legacy_app updating
UPDATE orders SET status = 'CANCELLED', updated_at = NOW() WHERE status = 'PENDING' AND created_at < NOW() - INTERVAL 2 DAY
--------
FILE I/O
--------
I/O thread 0 state: waiting for completed aio requests (insert buffer thread)
I/O thread 1 state: waiting for completed aio requests (read thread)
I/O thread 2 state: waiting for completed aio requests (read thread)
I/O thread 3 state: waiting for completed aio requests (write thread)
Pending normal aio reads: [0, 0, 0, 0] , aio writes: [0, 0, 0, 0] ,
 ibuf aio reads:
Pending flushes (fsync) log: 0; buffer pool: 0
8841921 OS file reads, 190118212 OS file writes, 41120918 OS fsyncs
12.45 reads/s, 16384 avg bytes/read, 811.18 writes/s, 301.27 fsyncs/s
-------------------------------------
INSERT BUFFER AND ADAPTIVE HASH INDEX
-------------------------------------
Ibuf: size 1, free list len 1811, seg size 1813, 22011 merges
Hash table size 2267389, node heap has 1108 buffer(s)
18211.04 hash searches/s, 4411.27 non-hash searches/s
---
LOG
---
Log sequence number          9183220011842
Log buffer assigned up to    9183220011842
Log written up to            9183220011842
Log flushed up to            9183220011217
Last checkpoint at           9183104412811
----------------------
BUFFER POOL AND MEMORY
----------------------
Total large memory allocated 8795455488
Dictionary memory allocated 2211844
Buffer pool size   524224
Free buffers       1024
Database pages     511874
Modified db pages  40112
Pages read 8811204, created 1120941, written 91204412
Buffer pool hit rate 993 / 1000, young-making rate 4 / 1000 not 0 / 1000
--------------
ROW OPERATIONS
--------------
0 queries inside InnoDB, 0 queries in queue
4 read views open inside InnoDB
Process ID=1211, Main thread ID=140889011234560 , state=sleeping
Number of rows inserted 91120447, updated 41220918, deleted 1120411, read 918822041118
84.18 inserts/s, 1204.77 updates/s, 0.00 deletes/s, 88112.41 reads/s
----------------------------
END OF INNODB MONITOR OUTPUT
============================
"""
    return mysql_vertical(["Type", "Name", "Status"], [["InnoDB", "", status]])


def answers():
    return {
        "psql": [{"args": PSQL + ["-c", Q_STATEMENTS], "stdout": statements()},
                 {"args": PSQL + ["-x", "-c", Q_ACTIVITY], "stdout": activity()},
                 {"args": PSQL + ["-c", "\\d+ orders"], "stdout": describe_orders()},
                 {"args": PSQL + ["-c", Q_EXPLAIN], "stdout": explain()}],
        "mysql": [{"args": MYSQL + ["-e", Q_PROCESSLIST], "stdout": processlist()},
                  {"args": ["-t"] + MYSQL + ["-e", Q_PENDING], "stdout": pending_orders()},
                  {"args": MYSQL + ["-e", Q_INNODB], "stdout": innodb_status()}],
    }
