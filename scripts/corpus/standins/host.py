"""Host tools on two servers: the CI runner ci-runner-07 (docker ps -a, docker images, docker system df -v,
df -h) and the database proxy db-proxy-2 (systemctl status/show, journalctl -u pgbouncer, ps aux)."""
import random

from fmt import docker_table

rnd = random.Random(9127)


def hexid(n=64):
    return "".join(rnd.choice("0123456789abcdef") for _ in range(n))


def human(nbytes):
    """docker's units.HumanSize (decimal, 3 significant digits)."""
    for unit in ["B", "kB", "MB", "GB", "TB"]:
        if nbytes < 1000:
            return (f"{nbytes:.3g}" if unit != "B" else str(int(nbytes))) + unit
        nbytes /= 1000
    return f"{nbytes:.3g}PB"


def ago(minutes):
    if minutes < 60:
        return f"{minutes} minutes ago" if minutes > 1 else "About a minute ago"
    h = minutes // 60
    if h < 48:
        return "About an hour ago" if h == 1 else f"{h} hours ago"
    d = h // 24
    if d < 14:
        return f"{d} days ago"
    if d < 60:
        return f"{d // 7} weeks ago"
    return f"{d // 30} months ago"


def up_for(minutes):
    if minutes < 60:
        return f"Up {minutes} minutes"
    h = minutes // 60
    if h < 48:
        return "Up About an hour" if h == 1 else f"Up {h} hours"
    d = h // 24
    return f"Up {d} days" if d < 14 else f"Up {d // 7} weeks"


IMAGES = []  # (repo, tag, id, created_minutes, size)


def _images():
    specs = [("registry.acme-shop.example/ci/build-jdk21", ["2026.11.3", "2026.11.2", "2026.10.7", "latest"], 1.92e9),
             ("registry.acme-shop.example/ci/build-node20", ["2026.11.1", "2026.10.4", "latest"], 1.31e9),
             ("registry.acme-shop.example/ci/playwright", ["1.49.0-jammy", "1.48.2-jammy"], 2.41e9),
             ("registry.acme-shop.example/storefront", [f"pr-{n}" for n in (4810, 4812, 4815, 4817, 4819, 4820, 4821)], 486e6),
             ("registry.acme-shop.example/checkout-web", ["1.15.0", "1.14.2", "1.14.1"], 312e6),
             ("registry.acme-shop.example/payments-api", ["4.12.0", "4.11.3", "4.11.2", "4.11.1"], 387e6),
             ("postgres", ["16.6", "15.10"], 438e6), ("redis", ["7.4.1-alpine"], 41.2e6),
             ("testcontainers/ryuk", ["0.11.0"], 14.5e6), ("localstack/localstack", ["3.8.1"], 1.17e9),
             ("confluentinc/cp-kafka", ["7.7.1"], 912e6), ("wiremock/wiremock", ["3.9.2"], 367e6),
             ("selenium/standalone-chrome", ["131.0"], 1.63e9), ("gcr.io/kaniko-project/executor", ["v1.23.2-debug"], 81.3e6),
             ("sonarsource/sonar-scanner-cli", ["11.1"], 648e6), ("nginx", ["1.27-alpine"], 47.9e6),
             ("<none>", ["<none>"] * 14, 1.2e9)]
    for repo, tags, size in specs:
        for k, tag in enumerate(tags):
            IMAGES.append((repo, tag, hexid(12), rnd.randint(60 * 24 * (k + 1), 60 * 24 * 20 * (k + 1)),
                           size * rnd.uniform(0.85, 1.15)))


_images()

CONTAINERS = []


def _containers():
    runs = [("registry.acme-shop.example/ci/build-jdk21:2026.11.3", '"/usr/local/bin/run…"', "runner-jdk"),
            ("registry.acme-shop.example/ci/build-node20:2026.11.1", '"docker-entrypoint.s…"', "runner-node"),
            ("registry.acme-shop.example/ci/playwright:1.49.0-jammy", '"/bin/bash -c \'npx p…"', "e2e"),
            ("postgres:16.6", '"docker-entrypoint.s…"', "tc-postgres"), ("redis:7.4.1-alpine", '"docker-entrypoint.s…"', "tc-redis"),
            ("testcontainers/ryuk:0.11.0", '"/bin/ryuk"', "testcontainers-ryuk"),
            ("confluentinc/cp-kafka:7.7.1", '"/etc/confluent/dock…"', "tc-kafka"),
            ("localstack/localstack:3.8.1", '"docker-entrypoint.sh"', "localstack"),
            ("wiremock/wiremock:3.9.2", '"/docker-entrypoint.…"', "wiremock")]
    adjectives = ["eager", "brave", "quirky", "stoic", "vigilant", "nostalgic", "festive", "zealous", "hungry", "jolly",
                  "modest", "pensive", "sharp", "trusting", "wizardly", "youthful", "epic", "gifted"]
    scientists = ["hopper", "lovelace", "turing", "curie", "noether", "ritchie", "knuth", "torvalds", "hamilton",
                  "shannon", "dijkstra", "liskov", "wozniak", "mirzakhani", "tesla", "goldberg", "babbage", "feistel"]
    for k in range(44):
        image, cmd, kind = runs[rnd.randrange(len(runs))] if k > 3 else runs[k]
        created = rnd.randint(5, 60 * 24 * 30)
        r = rnd.random()
        if k == 0:
            status = "Up 3 hours (unhealthy)"
            created = 200
        elif k == 1:
            status = "Restarting (1) 12 seconds ago"
        elif r < 0.2:
            status = up_for(max(1, created - rnd.randint(0, 3)))
            if "postgres" in image or "redis" in image:
                status += " (healthy)"
        elif r < 0.3:
            status = "Created"
        else:
            code = rnd.choice([0, 0, 0, 1, 137, 143, 130, 2])
            status = f"Exited ({code}) {ago(max(1, created - rnd.randint(1, 30)))}"
        ports = ""
        if status.startswith("Up") or status.startswith("Restarting"):
            ports = {"postgres": "0.0.0.0:32787->5432/tcp, [::]:32787->5432/tcp", "redis": "0.0.0.0:32791->6379/tcp",
                     "kafka": "0.0.0.0:32801->9092/tcp, [::]:32801->9092/tcp, 0.0.0.0:32802->9093/tcp",
                     "localstack": "127.0.0.1:4566->4566/tcp, 127.0.0.1:4510-4559->4510-4559/tcp, 5678/tcp",
                     "wiremock": "8443/tcp, 0.0.0.0:32815->8080/tcp"}.get(next((p for p in ("postgres", "redis", "kafka", "localstack", "wiremock") if p in image), ""), "")
        name = f"{rnd.choice(adjectives)}_{rnd.choice(scientists)}" if rnd.random() < 0.5 else f"{kind}-{rnd.randint(1000, 99999)}"
        if k == 0:
            name = "gitlab-runner-docker-cache"
            image = "registry.acme-shop.example/ci/build-jdk21:latest"
        CONTAINERS.append((hexid(12), image, cmd, ago(created), status, ports, name, created))


_containers()


def docker_ps_a():
    rows = [["CONTAINER ID", "IMAGE", "COMMAND", "CREATED", "STATUS", "PORTS", "NAMES"]]
    for c in sorted(CONTAINERS, key=lambda c: c[7]):
        rows.append(list(c[:7]))
    return docker_table(rows)


def docker_images():
    rows = [["REPOSITORY", "TAG", "IMAGE ID", "CREATED", "SIZE"]]
    for repo, tag, iid, created, size in sorted(IMAGES, key=lambda i: i[3]):
        rows.append([repo, tag, iid, ago(created), human(size)])
    return docker_table(rows)


def docker_system_df_v():
    out = ["Images space usage:", ""]
    rows = [["REPOSITORY", "TAG", "IMAGE ID", "CREATED", "SIZE", "SHARED SIZE", "UNIQUE SIZE", "CONTAINERS"]]
    for repo, tag, iid, created, size in sorted(IMAGES, key=lambda i: i[3]):
        shared = size * rnd.uniform(0.2, 0.7) if repo != "<none>" else 0
        rows.append([repo, tag, iid, ago(created), human(size), human(shared), human(size - shared),
                     str(sum(1 for c in CONTAINERS if c[1] == f"{repo}:{tag}"))])
    out.append(docker_table(rows))
    out += ["Containers space usage:", ""]
    rows = [["CONTAINER ID", "IMAGE", "COMMAND", "LOCAL VOLUMES", "SIZE", "CREATED", "STATUS", "NAMES"]]
    for c in sorted(CONTAINERS, key=lambda c: c[7]):
        size = 31.4e9 if c[6] == "gitlab-runner-docker-cache" else rnd.choice([0, 4096, 8192, 1.2e6, 63e6, 412e6, 2.2e9])
        rows.append([c[0], c[1], c[2], str(rnd.randint(0, 2)), human(size), c[3], c[4], c[6]])
    out.append(docker_table(rows))
    out += ["Local Volumes space usage:", ""]
    rows = [["VOLUME NAME", "LINKS", "SIZE"]]
    for k in range(38):
        name = hexid(64) if k > 6 else ["runner-cache-m2", "runner-cache-npm", "runner-cache-gradle", "sonar-cache",
                                        "localstack-data", "buildkit-state", "playwright-browsers"][k]
        rows.append([name, str(rnd.randint(0, 1)), human(rnd.choice([0, 12e3, 88e6, 1.4e9, 6.8e9, 19.2e9 if k == 0 else 3e8]))])
    out.append(docker_table(rows))
    out += ["Build cache usage: 48.31GB", ""]
    rows = [["CACHE ID", "CACHE TYPE", "SIZE", "CREATED", "LAST USED", "USAGE", "SHARED"]]
    for k in range(170):
        created = rnd.randint(60, 60 * 24 * 60)
        rows.append([hexid(25), rnd.choice(["regular", "regular", "regular", "source.local", "exec.cachemount", "frontend"]),
                     human(rnd.choice([0, 4096, 1.1e6, 23e6, 180e6, 412e6, 1.3e9])), ago(created),
                     ago(max(1, created - rnd.randint(0, created))), str(rnd.randint(1, 40)), rnd.choice(["true", "false", "false"])])
    out.append(docker_table(rows))
    return "\n".join(out)


def df_h():
    rows = [("Filesystem", "Size", "Used", "Avail", "Use%", "Mounted on"),
            ("udev", "16G", "0", "16G", "0%", "/dev"), ("tmpfs", "3.2G", "1.9M", "3.2G", "1%", "/run"),
            ("/dev/nvme0n1p1", "194G", "186G", "7.6G", "97%", "/"), ("tmpfs", "16G", "0", "16G", "0%", "/dev/shm"),
            ("tmpfs", "5.0M", "0", "5.0M", "0%", "/run/lock"), ("/dev/nvme0n1p15", "124M", "12M", "113M", "10%", "/boot/efi"),
            ("/dev/nvme1n1", "492G", "411G", "56G", "89%", "/var/lib/docker")]
    for c in CONTAINERS:
        if c[4].startswith("Up") or c[4].startswith("Restarting"):
            rows.append(("overlay", "492G", "411G", "56G", "89%", f"/var/lib/docker/overlay2/{hexid(64)}/merged"))
    rows.append(("tmpfs", "3.2G", "4.0K", "3.2G", "1%", "/run/user/1001"))
    w = [max([len(r[i]) for r in rows] + [[0, 5, 5, 5, 4, 0][i]]) for i in range(6)]
    out = []
    for r in rows:  # GNU df: first column left-aligned, numbers right-aligned, last column as is
        out.append(f"{r[0]:<{w[0]}} {r[1]:>{w[1]}} {r[2]:>{w[2]}} {r[3]:>{w[3]}} {r[4]:>{w[4]}} {r[5]}")
    return "\n".join(out) + "\n"


# ---- db-proxy-2: pgbouncer ---------------------------------------------------------------------------------

def systemctl_status():
    return """● pgbouncer.service - connection pooler for PostgreSQL
     Loaded: loaded (/lib/systemd/system/pgbouncer.service; enabled; preset: enabled)
    Drop-In: /etc/systemd/system/pgbouncer.service.d
             └─override.conf
     Active: activating (auto-restart) (Result: exit-code) since Fri 2026-11-27 10:12:41 UTC; 3s ago
       Docs: man:pgbouncer(1)
             https://www.pgbouncer.org/
    Process: 48211 ExecStart=/usr/sbin/pgbouncer /etc/pgbouncer/pgbouncer.ini (code=exited, status=1/FAILURE)
    Process: 48209 ExecReload=/bin/kill -HUP $MAINPID (code=exited, status=0/SUCCESS)
   Main PID: 48211 (code=exited, status=1/FAILURE)
        CPU: 2min 41.377s

Nov 27 10:12:41 db-proxy-2 pgbouncer[48211]: 2026-11-27 10:12:41.118 UTC [48211] LOG kernel file descriptor limit: 1024 (hard: 524288); max_client_conn: 4000, max expected fd use: 4212
Nov 27 10:12:41 db-proxy-2 pgbouncer[48211]: 2026-11-27 10:12:41.118 UTC [48211] WARNING max_client_conn setting exceeds file descriptor limit
Nov 27 10:12:41 db-proxy-2 pgbouncer[48211]: 2026-11-27 10:12:41.119 UTC [48211] LOG listening on 0.0.0.0:6432
Nov 27 10:12:41 db-proxy-2 pgbouncer[48211]: 2026-11-27 10:12:41.119 UTC [48211] LOG listening on unix:/var/run/postgresql/.s.PGSQL.6432
Nov 27 10:12:41 db-proxy-2 pgbouncer[48211]: 2026-11-27 10:12:41.120 UTC [48211] ERROR unix socket is in use, cannot continue
Nov 27 10:12:41 db-proxy-2 systemd[1]: pgbouncer.service: Main process exited, code=exited, status=1/FAILURE
Nov 27 10:12:41 db-proxy-2 systemd[1]: pgbouncer.service: Failed with result 'exit-code'.
Nov 27 10:12:41 db-proxy-2 systemd[1]: pgbouncer.service: Consumed 2min 41.377s CPU time.
"""


def systemctl_show():
    return """LimitNOFILE=1024
LimitNOFILESoft=1024
NRestarts=37
ExecMainStatus=1
ExecMainStartTimestamp=Fri 2026-11-27 10:12:41 UTC
Restart=on-failure
RestartUSec=5s
User=postgres
MemoryCurrent=[not set]
TasksMax=4915
"""


def journal():
    lines = []
    pid = 31877
    clients = [f"10.20.{rnd.randint(1, 9)}.{rnd.randint(2, 250)}" for _ in range(40)]
    dbs = ["shop/app_rw", "shop/app_ro", "payments/payments_app", "reporting/metabase", "shop/flyway"]
    t = 1 * 3600 + 55 * 60  # 01:55
    state = "ok"
    while True:
        t += rnd.randint(1, 40) if state == "ok" else rnd.randint(1, 5)
        if t >= 2 * 3600 + 10 * 60:
            break
        if 2 * 3600 <= t < 2 * 3600 + 60 and state == "ok":
            state = "fd"
        hh, mm, ss = t // 3600, (t // 60) % 60, t % 60
        stamp = f"Nov 27 {hh:02d}:{mm:02d}:{ss:02d} db-proxy-2"
        ts = f"2026-11-27 {hh:02d}:{mm:02d}:{ss:02d}.{rnd.randint(0, 999):03d} UTC"
        p = pid
        ptr = "0x55d0c8%06x" % rnd.getrandbits(24)
        c = rnd.choice(clients)
        db = rnd.choice(dbs)
        r = rnd.random()
        if state == "ok":
            if r < 0.45:
                lines.append(f"{stamp} pgbouncer[{p}]: {ts} [{p}] LOG C-{ptr}: {db}@{c}:{rnd.randint(30000, 65000)} login attempt: db={db.split('/')[0]} user={db.split('/')[1]} tls=TLSv1.3/TLS_AES_256_GCM_SHA384/ECDH=X25519")
            elif r < 0.8:
                lines.append(f"{stamp} pgbouncer[{p}]: {ts} [{p}] LOG C-{ptr}: {db}@{c}:{rnd.randint(30000, 65000)} closing because: client close request (age={rnd.randint(0, 900)}s)")
            elif r < 0.95:
                lines.append(f"{stamp} pgbouncer[{p}]: {ts} [{p}] LOG stats: {rnd.randint(900, 1400)} xacts/s, {rnd.randint(4000, 9000)} queries/s, {rnd.randint(200, 900)} client parses/s, 0 server parses/s, 0 binds/s, in {rnd.randint(800000, 2000000)} B/s, out {rnd.randint(3000000, 9000000)} B/s, xact {rnd.randint(700, 3000)} us, query {rnd.randint(150, 600)} us, wait {rnd.randint(0, 40)} us")
            else:
                lines.append(f"{stamp} pgbouncer[{p}]: {ts} [{p}] LOG S-{ptr}: {db}@10.20.8.31:5432 closing because: server idle timeout (age={rnd.randint(600, 700)}s)")
        else:
            if r < 0.4:
                lines.append(f"{stamp} pgbouncer[{p}]: {ts} [{p}] ERROR accept() failed: Too many open files")
            elif r < 0.55:
                lines.append(f"{stamp} pgbouncer[{p}]: {ts} [{p}] LOG C-{ptr}: {db}@{c}:{rnd.randint(30000, 65000)} closing because: no more connections allowed (max_client_conn) (age=0s)")
            elif r < 0.65:
                lines.append(f"{stamp} pgbouncer[{p}]: {ts} [{p}] WARNING C-{ptr}: {db}@{c}:{rnd.randint(30000, 65000)} pooler error: no more connections allowed (max_client_conn)")
            elif r < 0.75:
                lines.append(f"{stamp} pgbouncer[{p}]: {ts} [{p}] LOG stats: {rnd.randint(80, 300)} xacts/s, {rnd.randint(300, 1200)} queries/s, {rnd.randint(10, 90)} client parses/s, 0 server parses/s, 0 binds/s, in {rnd.randint(80000, 200000)} B/s, out {rnd.randint(300000, 900000)} B/s, xact {rnd.randint(9000, 90000)} us, query {rnd.randint(1500, 9000)} us, wait {rnd.randint(20000, 900000)} us")
            else:
                lines.append(f"{stamp} pgbouncer[{p}]: {ts} [{p}] LOG C-{ptr}: {db}@{c}:{rnd.randint(30000, 65000)} login attempt: db={db.split('/')[0]} user={db.split('/')[1]} tls=TLSv1.3/TLS_AES_256_GCM_SHA384/ECDH=X25519")
        if state == "fd" and rnd.random() < 0.02:
            lines.append(f"{stamp} pgbouncer[{p}]: {ts} [{p}] WARNING server login failed: FATAL: sorry, too many clients already")
    head = ["Nov 27 01:55:00 db-proxy-2 systemd[1]: Reloading pgbouncer.service - connection pooler for PostgreSQL...",
            f"Nov 27 01:55:00 db-proxy-2 pgbouncer[{pid}]: 2026-11-27 01:55:00.004 UTC [{pid}] LOG got SIGHUP, re-reading config",
            f"Nov 27 01:55:00 db-proxy-2 pgbouncer[{pid}]: 2026-11-27 01:55:00.005 UTC [{pid}] LOG max_client_conn: 1000 -> 4000",
            f"Nov 27 01:55:00 db-proxy-2 pgbouncer[{pid}]: 2026-11-27 01:55:00.005 UTC [{pid}] WARNING max_client_conn setting exceeds file descriptor limit (1024)",
            "Nov 27 01:55:00 db-proxy-2 systemd[1]: Reloaded pgbouncer.service - connection pooler for PostgreSQL."]
    return "\n".join(head + lines) + "\n"


def ps_aux():
    procs = [
        ("root", 1, 0.0, 0.0, 167740, 12880, "?", "Ss", "Nov12", "0:41", "/sbin/init"),
        ("root", 412, 0.0, 0.1, 48232, 18820, "?", "Ss", "Nov12", "0:12", "/lib/systemd/systemd-journald"),
        ("root", 455, 0.0, 0.0, 25436, 6312, "?", "Ss", "Nov12", "0:02", "/lib/systemd/systemd-udevd"),
        ("systemd+", 611, 0.0, 0.0, 90240, 6936, "?", "Ssl", "Nov12", "0:03", "/lib/systemd/systemd-timesyncd"),
        ("root", 703, 0.0, 0.0, 6608, 2704, "?", "Ss", "Nov12", "0:01", "/usr/sbin/cron -f"),
        ("message+", 705, 0.0, 0.0, 8124, 4380, "?", "Ss", "Nov12", "0:00", "/usr/bin/dbus-daemon --system --address=systemd: --nofork --nopidfile --systemd-activation --syslog-only"),
        ("root", 712, 0.0, 0.0, 15404, 8896, "?", "Ss", "Nov12", "0:00", "sshd: /usr/sbin/sshd -D [listener] 0 of 10-100 startups"),
        ("root", 730, 0.3, 0.4, 1801356, 73248, "?", "Ssl", "Nov12", "58:12", "/usr/bin/containerd"),
        ("prometh+", 1022, 0.4, 0.1, 1241740, 28016, "?", "Ssl", "Nov12", "81:40", "/usr/bin/prometheus-node-exporter --collector.systemd --collector.processes"),
        ("prometh+", 1027, 0.1, 0.0, 1237196, 14208, "?", "Ssl", "Nov12", "19:05", "/usr/bin/pgbouncer_exporter --pgBouncer.connectionString=postgres://stats@127.0.0.1:6432/pgbouncer?sslmode=disable"),
        ("td-agent", 1190, 1.2, 1.1, 1522180, 190412, "?", "Sl", "Nov12", "247:31", "/opt/fluent/bin/ruby -Eascii-8bit:ascii-8bit /opt/fluent/bin/fluentd --log /var/log/fluent/fluentd.log --daemon /var/run/fluent/fluentd.pid"),
        ("postgres", 31877, 38.2, 0.9, 214332, 151208, "?", "Ssl", "Nov25", "1102:17", "/usr/sbin/pgbouncer /etc/pgbouncer/pgbouncer.ini"),
        ("postgres", 2210, 0.0, 0.1, 223684, 29936, "?", "Ss", "Nov12", "1:22", "/usr/lib/postgresql/15/bin/postgres -D /var/lib/postgresql/15/main -c config_file=/etc/postgresql/15/main/postgresql.conf"),
        ("root", 47702, 0.0, 0.0, 17080, 10828, "?", "Ss", "10:05", "0:00", "sshd: ops [priv]"),
        ("ops", 47720, 0.0, 0.0, 17340, 7456, "?", "S", "10:05", "0:00", "sshd: ops@pts/0"),
        ("ops", 47721, 0.0, 0.0, 9136, 5420, "pts/0", "Ss", "10:05", "0:00", "-bash"),
        ("ops", 48240, 0.0, 0.0, 11216, 4672, "pts/0", "R+", "10:12", "0:00", "ps aux --sort=-%mem"),
        ("root", 1301, 0.2, 2.4, 2851244, 401272, "?", "Ssl", "Nov12", "41:02", "/usr/bin/java -Xms256m -Xmx384m -XX:+UseG1GC -Dlog4j2.formatMsgNoLookups=true -Dconfig.file=/etc/db-proxy-agent/agent.conf -javaagent:/opt/otel/opentelemetry-javaagent.jar -Dotel.service.name=db-proxy-agent -jar /opt/db-proxy-agent/db-proxy-agent-2.3.1.jar"),
        ("consul", 1212, 0.6, 0.6, 1391264, 102660, "?", "Ssl", "Nov12", "121:44", "/usr/bin/consul agent -config-dir=/etc/consul.d/"),
        ("root", 1500, 0.0, 0.0, 5476, 1024, "ttyS0", "Ss+", "Nov12", "0:00", "/sbin/agetty -o -p -- \\u --keep-baud 115200,57600,38400,9600 ttyS0 vt220"),
    ]
    for k in range(14):
        procs.append(("root", 60 + k, 0.0, 0.0, 0, 0, "?", "I<", "Nov12", "0:00", f"[kworker/{k % 4}:{k}H-kblockd]"))
    procs.sort(key=lambda p: -p[5])
    lines = ["USER         PID %CPU %MEM    VSZ   RSS TTY      STAT START   TIME COMMAND"]
    for u, pid, cpu, mem, vsz, rss, tty, stat, start, tm, cmd in procs:
        lines.append(f"{u:<8} {pid:>7} {cpu:>4} {mem:>4} {vsz:>6} {rss:>5} {tty:<8} {stat:<4} {start:>5} {tm:>6} {cmd}")
    return "\n".join(lines) + "\n"


def answers():
    return {
        "docker": [{"args": ["ps", "-a"], "stdout": docker_ps_a()},
                   {"args": ["images"], "stdout": docker_images()},
                   {"args": ["system", "df", "-v"], "stdout": docker_system_df_v()}],
        "df": [{"args": ["-h"], "stdout": df_h()}],
        "systemctl": [{"args": ["status", "pgbouncer.service"], "stdout": systemctl_status(), "exit": 3},
                      {"args": ["show", "pgbouncer.service", "-p", "LimitNOFILE,LimitNOFILESoft,NRestarts,ExecMainStatus,ExecMainStartTimestamp,Restart,RestartUSec,User,MemoryCurrent,TasksMax"],
                       "stdout": systemctl_show()}],
        "journalctl": [{"args": ["-u", "pgbouncer", "--since", "2026-11-27 01:55", "--until", "2026-11-27 02:10", "--no-pager"], "stdout": journal()}],
        "ps": [{"args": ["aux", "--sort=-%mem"], "stdout": ps_aux()}],
    }
