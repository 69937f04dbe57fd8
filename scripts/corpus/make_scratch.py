#!/usr/bin/env python3
"""Creates the scratch project the recorded agent sessions work in: a small Java/Maven service
("orders-service") with a git history, a failing test (./mvnw prints a realistic failing Maven build),
an application log with a buried stack trace, and tools/api.py, which prints API JSON like curl would.

Deterministic: a fixed random seed and fixed commit dates, so the needles in corpus/recorded/index.json
(commit hashes, order ids, emails, test names) are the same on every run.

The other projects of the scratch HOME (ledger, storefront, payments-sdk, ...) and the stand-ins for tools
this machine lacks (~/bin/kubectl, docker, psql, ...) come from scratch_projects.py and standins/; those of
the second round from scratch_projects2.py (tuning) and heldout_round2.py (held out: not to be read while tuning).

Usage: make_scratch.py DIR   (DIR/orders-service and the other projects are created; DIR must exist)
"""
import os
import random
import subprocess
import sys
import textwrap

rnd = random.Random(20261126)

FIRST = ["maria", "jonas", "aiko", "liam", "sofia", "noah", "elena", "omar", "chloe", "mateo", "hana", "ivan",
         "zoe", "pablo", "nina", "arjun", "lena", "tariq", "emma", "felix"]
LAST = ["keller", "berg", "tanaka", "murphy", "rossi", "fischer", "novak", "haddad", "martin", "silva", "sato",
        "petrov", "dubois", "garcia", "weber", "mehta", "larsen", "aziz", "moreau", "klein"]
CITIES = ["Berlin", "Lisbon", "Osaka", "Dublin", "Milan", "Vienna", "Prague", "Lyon", "Austin", "Porto"]
PACKAGES = ["api", "domain", "service", "persistence", "payment", "inventory", "notification", "config"]


def write(path, text, mode=0o644):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w") as f:
        f.write(text)
    os.chmod(path, mode)


def git(project, *args, date=None):
    env = dict(os.environ, GIT_AUTHOR_NAME="Dana Whitfield", GIT_AUTHOR_EMAIL="dana.whitfield@acme-shop.example",
               GIT_COMMITTER_NAME="Dana Whitfield", GIT_COMMITTER_EMAIL="dana.whitfield@acme-shop.example",
               GIT_CONFIG_GLOBAL="/dev/null", GIT_CONFIG_SYSTEM="/dev/null")
    if date:
        env["GIT_AUTHOR_DATE"] = env["GIT_COMMITTER_DATE"] = date
    subprocess.run(["git", *args], cwd=project, env=env, check=True, stdout=subprocess.DEVNULL)


def java_class(pkg, name, methods):
    body = []
    for i, m in enumerate(methods):
        body.append(textwrap.indent(m, "    "))
    return (f"package com.acme.orders.{pkg};\n\nimport java.math.BigDecimal;\nimport java.util.List;\n"
            f"import java.util.Objects;\n\n/** {name} of the orders service. */\npublic class {name} {{\n\n"
            + "\n".join(body) + "}\n")


def generated_methods(name, count, fixme=None):
    out = []
    for i in range(count):
        field = rnd.choice(["orderId", "customerId", "sku", "amount", "currency", "warehouse", "status"])
        todo = ""
        if fixme and i == count // 2:
            todo = f"    // {fixme}\n"
        elif rnd.random() < 0.12:
            todo = f"    // TODO: {rnd.choice(['cache this lookup', 'validate ' + field, 'move to config', 'add metrics'])}\n"
        out.append(f"public String describe{field[0].upper()}{field[1:]}{i}(String {field}) {{\n"
                   f"{todo}    Objects.requireNonNull({field}, \"{field}\");\n"
                   f"    return \"{name}:\" + {field}.trim();\n}}\n")
    return out


def source_tree(project):
    fixmes = {
        ("payment", "PaymentGateway"): "FIXME(ENG-4471): retry on 502 from the acquirer instead of failing the order",
        ("inventory", "StockReservations"): "FIXME(ENG-4502): reservation TTL is 15 min but carts live 30 min",
    }
    for pkg in PACKAGES:
        for n in range(3):
            name = rnd.choice(["Order", "Customer", "Stock", "Invoice", "Shipment", "Refund"]) + \
                   rnd.choice(["Mapper", "Validator", "Repository", "Controller", "Client", "Handler"]) + str(n)
            write(f"{project}/src/main/java/com/acme/orders/{pkg}/{name}.java",
                  java_class(pkg, name, generated_methods(name, rnd.randint(6, 12))))
    for (pkg, name), fixme in fixmes.items():
        write(f"{project}/src/main/java/com/acme/orders/{pkg}/{name}.java",
              java_class(pkg, name, generated_methods(name, 10, fixme)))


DISCOUNT_V1 = """package com.acme.orders.service;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** Loyalty discounts by customer tier. */
public class DiscountPolicy {

    public BigDecimal apply(String tier, BigDecimal total) {
        switch (tier) {
            case "GOLD":
                return total.multiply(new BigDecimal("0.90")).setScale(2, RoundingMode.HALF_EVEN);
            case "SILVER":
                return total.multiply(new BigDecimal("0.95")).setScale(2, RoundingMode.HALF_EVEN);
            default:
                return total.setScale(2, RoundingMode.HALF_EVEN);
        }
    }
}
"""

DISCOUNT_V2 = DISCOUNT_V1.replace('''    public BigDecimal apply(String tier, BigDecimal total) {
        switch (tier) {''', '''    public BigDecimal apply(String tier, BigDecimal total) {
        if (total.compareTo(MINIMUM_FOR_DISCOUNT) < 0) {
            return total.setScale(2, RoundingMode.HALF_EVEN);
        }
        switch (tier.toLowerCase()) {''').replace('''public class DiscountPolicy {
''', '''public class DiscountPolicy {

    /** Orders below this total get no loyalty discount (PRICING-212). */
    static final BigDecimal MINIMUM_FOR_DISCOUNT = new BigDecimal("150.00");
''')

TEST = """package com.acme.orders.service;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;

import static org.junit.jupiter.api.Assertions.assertEquals;

class OrderServiceTest {

    private final DiscountPolicy discounts = new DiscountPolicy();

""" + "".join(f"""    @Test
    void shouldPrice{n}() {{
        assertEquals(new BigDecimal("{v}.00"), discounts.apply("NONE", new BigDecimal("{v}")));
    }}

""" for n, v in [("RegularOrder", 40), ("LargeOrder", 900), ("SmallOrder", 3), ("ZeroOrder", 0)]) + """    @Test
    void shouldApplyLoyaltyDiscountForGoldCustomers() {
        // a GOLD customer's 100.00 basket must cost 90.00
        assertEquals(new BigDecimal("90.00"), discounts.apply("GOLD", new BigDecimal("100.00")));
    }

    @Test
    void shouldApplySilverDiscount() {
        assertEquals(new BigDecimal("190.00"), discounts.apply("SILVER", new BigDecimal("200.00")));
    }
}
"""

API_PY = r'''#!/usr/bin/env python3
"""Prints the orders-service admin API's JSON, as `curl -s localhost:8080/admin/...` would."""
import json, random, sys

rnd = random.Random(7)
FIRST = %(first)r
LAST = %(last)r
CITIES = %(cities)r


def users(limit):
    out = []
    for i in range(limit):
        f, l = FIRST[i %% len(FIRST)], LAST[(i * 7) %% len(LAST)]
        out.append({"id": 1000 + i, "name": f.title() + " " + l.title(), "email": f + "." + l + "@example.org",
                    "city": CITIES[i %% len(CITIES)], "tier": ["NONE", "SILVER", "GOLD"][i %% 3],
                    "active": i %% 17 != 0, "created_at": "2025-%%02d-%%02dT09:%%02d:00Z" %% (1 + i %% 12, 1 + i %% 28, i %% 60),
                    "orders_count": rnd.randint(0, 40), "last_login_ip": "10.2.%%d.%%d" %% (i %% 250, (i * 3) %% 250)})
    return {"data": out, "page": 1, "per_page": limit, "total": 4210}


def orders(status):
    out = []
    for i in range(60):
        st = "PAYMENT_FAILED" if i == 37 else ["PAID", "SHIPPED", "DELIVERED", "PAID"][i %% 4]
        oid = "ORD-20931-XK" if i == 37 else "ORD-%%05d-%%s" %% (20894 + i, "ABCDEFGHJK"[i %% 10] + "QRSTUVWXYZ"[i %% 10])
        email = "maria.keller@example.org" if i == 37 else FIRST[i %% len(FIRST)] + "." + LAST[i %% len(LAST)] + "@example.org"
        items = [{"sku": "SKU-%%05d" %% (88000 + (i * 13 + k) %% 900), "qty": 1 + k, "unit_price": "%%d.%%02d" %% (5 + i + k, (i * k) %% 100)}
                 for k in range(1 + i %% 3)]
        out.append({"order_id": oid, "customer_email": email, "status": st, "currency": "EUR", "items": items,
                    "total": "%%d.%%02d" %% (20 + i * 3, i %% 100),
                    "failure_reason": "card_declined: insufficient_funds (acquirer code 51)" if i == 37 else None})
    if status:
        out = [o for o in out if o["status"] == status] + [o for o in out if o["status"] != status][:25]
    return {"data": out, "count": len(out)}


args = sys.argv[1:]
if not args:
    sys.exit("usage: api.py users [--limit N] | orders [--status S]")
if args[0] == "users":
    print(json.dumps(users(int(args[2]) if len(args) > 2 else 50)))
else:
    print(json.dumps(orders(args[2] if len(args) > 2 else None), indent=2))
''' % {"first": FIRST, "last": LAST, "cities": CITIES}


def mvnw(project):
    lines = ["[INFO] Scanning for projects...", "[INFO] ",
             "[INFO] --------------------< com.acme:orders-service >---------------------",
             "[INFO] Building orders-service 2.14.0-SNAPSHOT",
             "[INFO]   from pom.xml",
             "[INFO] --------------------------------[ jar ]---------------------------------"]
    for g, a, v in [("org/springframework/boot", "spring-boot-starter-web", "3.4.2"),
                    ("com/fasterxml/jackson/core", "jackson-databind", "2.18.2"),
                    ("org/postgresql", "postgresql", "42.7.5"), ("org/flywaydb", "flyway-core", "11.1.0"),
                    ("io/micrometer", "micrometer-core", "1.14.3"), ("org/junit/jupiter", "junit-jupiter", "5.11.4"),
                    ("org/mockito", "mockito-core", "5.14.2"), ("org/testcontainers", "postgresql", "1.20.4")]:
        for ext, size in [("pom", rnd.randint(2, 30)), ("jar", rnd.randint(40, 1900))]:
            url = f"https://repo.maven.apache.org/maven2/{g}/{a}/{v}/{a}-{v}.{ext}"
            lines.append(f"[INFO] Downloading from central: {url}")
            lines.append(f"[INFO] Downloaded from central: {url} ({size} kB at {rnd.randint(300, 4000)} kB/s)")
    lines += ["[INFO] ", "[INFO] --- resources:3.3.1:resources (default-resources) @ orders-service ---",
              "[INFO] Copying 4 resources from src/main/resources to target/classes",
              "[INFO] ", "[INFO] --- compiler:3.13.0:compile (default-compile) @ orders-service ---",
              "[INFO] Recompiling the module because of changed source code.",
              "[INFO] Compiling 27 source files with javac [debug release 21] to target/classes",
              "[WARNING] src/main/java/com/acme/orders/payment/PaymentGateway.java: Some input files use unchecked or unsafe operations.",
              "[WARNING] src/main/java/com/acme/orders/payment/PaymentGateway.java: Recompile with -Xlint:unchecked for details.",
              "[INFO] ", "[INFO] --- resources:3.3.1:testResources (default-testResources) @ orders-service ---",
              "[INFO] Copying 2 resources from src/test/resources to target/test-classes",
              "[INFO] ", "[INFO] --- compiler:3.13.0:testCompile (default-testCompile) @ orders-service ---",
              "[INFO] Compiling 9 source files with javac [debug release 21] to target/test-classes",
              "[INFO] ", "[INFO] --- surefire:3.5.2:test (default-test) @ orders-service ---",
              "[INFO] Using auto detected provider org.apache.maven.surefire.junitplatform.JUnitPlatformProvider",
              "[INFO] ", "[INFO] -------------------------------------------------------",
              "[INFO]  T E S T S", "[INFO] -------------------------------------------------------"]
    classes = ["api.OrderControllerTest", "api.CustomerControllerTest", "domain.MoneyTest", "domain.OrderLineTest",
               "persistence.OrderRepositoryTest", "inventory.StockReservationsTest", "payment.PaymentGatewayTest",
               "notification.EmailRendererTest", "api.CartControllerTest", "api.StockControllerTest",
               "domain.AddressTest", "domain.CurrencyTest", "persistence.CustomerRepositoryTest",
               "inventory.WarehouseRoutingTest", "payment.SettlementJobTest", "payment.RefundServiceTest",
               "config.SecurityConfigTest", "notification.SmsSenderTest"]
    total = 0
    for c in classes:
        n = rnd.randint(4, 19)
        total += n
        lines.append(f"[INFO] Running com.acme.orders.{c}")
        for k in range(rnd.randint(3, 12)):
            lines.append(f"14:02:{rnd.randint(10, 59)}.{rnd.randint(100, 999)} [main] "
                         f"{rnd.choice(['INFO', 'DEBUG'])} c.a.o.{c.split('.')[0]}.{rnd.choice(['Config', 'Pool', 'Mapper'])} - "
                         f"{rnd.choice(['HikariPool-1 - Starting...', 'HikariPool-1 - Start completed.', 'Flyway: migrating schema to version 14', 'Loaded 212 SKUs into cache', 'Using template engine: mustache'])}")
        lines.append(f"[INFO] Tests run: {n}, Failures: 0, Errors: 0, Skipped: 0, Time elapsed: {rnd.randint(0, 9)}.{rnd.randint(100, 999)} s -- in com.acme.orders.{c}")
    lines += ["[INFO] Running com.acme.orders.service.OrderServiceTest",
              "[ERROR] Tests run: 6, Failures: 1, Errors: 0, Skipped: 0, Time elapsed: 0.084 s <<< FAILURE! -- in com.acme.orders.service.OrderServiceTest",
              "[ERROR] com.acme.orders.service.OrderServiceTest.shouldApplyLoyaltyDiscountForGoldCustomers -- Time elapsed: 0.011 s <<< FAILURE!",
              "org.opentest4j.AssertionFailedError: expected: <90.00> but was: <100.00>",
              "\tat org.junit.jupiter.api.AssertionFailureBuilder.build(AssertionFailureBuilder.java:151)",
              "\tat org.junit.jupiter.api.AssertionFailureBuilder.buildAndThrow(AssertionFailureBuilder.java:132)",
              "\tat org.junit.jupiter.api.AssertEquals.failNotEqual(AssertEquals.java:197)",
              "\tat org.junit.jupiter.api.AssertEquals.assertEquals(AssertEquals.java:182)",
              "\tat org.junit.jupiter.api.AssertEquals.assertEquals(AssertEquals.java:177)",
              "\tat org.junit.jupiter.api.Assertions.assertEquals(Assertions.java:1145)",
              "\tat com.acme.orders.service.OrderServiceTest.shouldApplyLoyaltyDiscountForGoldCustomers(OrderServiceTest.java:34)",
              "\tat java.base/java.lang.reflect.Method.invoke(Method.java:580)"]
    lines += [f"\tat org.junit.platform.engine.support.hierarchical.{f}" for f in [
        "NodeTestTask.lambda$executeRecursively$6(NodeTestTask.java:151)",
        "ThrowableCollector.execute(ThrowableCollector.java:73)",
        "NodeTestTask.lambda$executeRecursively$8(NodeTestTask.java:141)",
        "Node.around(Node.java:137)", "NodeTestTask.executeRecursively(NodeTestTask.java:139)",
        "NodeTestTask.execute(NodeTestTask.java:95)"] * 3]
    lines += ["\tat org.apache.maven.surefire.booter.ForkedBooter.main(ForkedBooter.java:495)", "",
              "[INFO] ", "[INFO] Results:", "[INFO] ", "[ERROR] Failures: ",
              "[ERROR]   OrderServiceTest.shouldApplyLoyaltyDiscountForGoldCustomers:34 expected: <90.00> but was: <100.00>",
              "[INFO] ", f"[ERROR] Tests run: {total + 6}, Failures: 1, Errors: 0, Skipped: 0", "[INFO] ",
              "[INFO] ------------------------------------------------------------------------",
              "[INFO] BUILD FAILURE",
              "[INFO] ------------------------------------------------------------------------",
              "[INFO] Total time:  21.774 s", "[INFO] Finished at: 2026-11-26T14:03:12Z",
              "[INFO] ------------------------------------------------------------------------",
              "[ERROR] Failed to execute goal org.apache.maven.plugins:maven-surefire-plugin:3.5.2:test (default-test) on project orders-service: There are test failures.",
              "[ERROR] ", "[ERROR] See target/surefire-reports for the individual test results.",
              "[ERROR] See dump files (if any exist) [date].dump, [date]-jvmRun[N].dump and [date].dumpstream.",
              "[ERROR] -> [Help 1]", "[ERROR] ",
              "[ERROR] To see the full stack trace of the errors, re-run Maven with the -e switch.",
              "[ERROR] Re-run Maven using the -X switch to enable full debug logging."]
    write(f"{project}/build-output.txt", "\n".join(lines) + "\n")
    write(f"{project}/mvnw", "#!/bin/sh\n# Stand-in for the Maven wrapper: replays the build log of the failing CI run.\n"
          "cat \"$(dirname \"$0\")/build-output.txt\"\nexit 1\n", 0o755)


def app_log(project):
    lines = []
    ts = 0
    for i in range(1400):
        ts += rnd.randint(20, 900)
        t = "2026-11-26T13:%02d:%02d.%03dZ" % ((ts // 60000) % 60, (ts // 1000) % 60, ts % 1000)
        thread = "http-nio-8080-exec-%d" % rnd.randint(1, 12)
        if i == 1310:
            lines += [f"{t} ERROR [{thread}] c.a.o.service.CheckoutService - Checkout failed for order ORD-20931-XK (customer maria.keller@example.org)",
                      "java.lang.IllegalStateException: Inventory reservation failed for order ORD-20931-XK: sku SKU-88412 out of stock in warehouse FRA-2",
                      "\tat com.acme.orders.inventory.StockReservations.reserve(StockReservations.java:88)",
                      "\tat com.acme.orders.service.CheckoutService.placeOrder(CheckoutService.java:142)",
                      "\tat com.acme.orders.api.OrderController.checkout(OrderController.java:57)",
                      "\tat java.base/jdk.internal.reflect.DirectMethodHandleAccessor.invoke(DirectMethodHandleAccessor.java:103)",
                      "\tat org.springframework.web.method.support.InvocableHandlerMethod.doInvoke(InvocableHandlerMethod.java:255)",
                      "\tat org.springframework.web.servlet.DispatcherServlet.doDispatch(DispatcherServlet.java:1089)",
                      "\tat org.apache.tomcat.util.threads.ThreadPoolExecutor$Worker.run(ThreadPoolExecutor.java:659)",
                      "\tat java.base/java.lang.Thread.run(Thread.java:1583)",
                      "Caused by: org.postgresql.util.PSQLException: ERROR: deadlock detected",
                      "  Detail: Process 48213 waits for ShareLock on transaction 9183321; blocked by process 48190.",
                      "\tat org.postgresql.core.v3.QueryExecutorImpl.receiveErrorResponse(QueryExecutorImpl.java:2733)",
                      "\tat com.acme.orders.persistence.StockRepository.decrement(StockRepository.java:61)",
                      "\t... 12 common frames omitted"]
            continue
        kind = rnd.random()
        if kind < 0.55:
            lines.append(f"{t} INFO  [{thread}] c.a.o.api.RequestLog - {rnd.choice(['GET', 'POST', 'GET', 'PUT'])} "
                         f"{rnd.choice(['/api/orders', '/api/cart', '/api/customers/me', '/api/stock', '/actuator/health'])} "
                         f"status={rnd.choice([200, 200, 200, 201, 204, 304, 404])} duration_ms={rnd.randint(2, 480)}")
        elif kind < 0.8:
            lines.append(f"{t} DEBUG [{thread}] c.a.o.inventory.StockCache - cache {rnd.choice(['hit', 'hit', 'miss'])} "
                         f"sku=SKU-{rnd.randint(88000, 88900)} warehouse={rnd.choice(['FRA-1', 'FRA-2', 'AMS-1'])}")
        elif kind < 0.95:
            lines.append(f"{t} INFO  [scheduling-1] c.a.o.payment.SettlementJob - settled batch {rnd.randint(4000, 4999)} "
                         f"({rnd.randint(10, 90)} payments, EUR {rnd.randint(1000, 90000)}.{rnd.randint(10, 99)})")
        else:
            lines.append(f"{t} WARN  [{thread}] c.a.o.payment.PaymentGateway - acquirer slow: {rnd.randint(1500, 4000)} ms")
    write(f"{project}/logs/app.log", "\n".join(lines) + "\n")


def main():
    root = sys.argv[1]
    project = os.path.join(root, "orders-service")
    os.makedirs(project)
    git(project, "init", "-q", "-b", "main")
    write(f"{project}/pom.xml", "<project><modelVersion>4.0.0</modelVersion><groupId>com.acme</groupId>"
          "<artifactId>orders-service</artifactId><version>2.14.0-SNAPSHOT</version></project>\n")
    write(f"{project}/.gitignore", "target/\nlogs/\nbuild-output.txt\n")
    source_tree(project)
    write(f"{project}/src/main/java/com/acme/orders/service/DiscountPolicy.java", DISCOUNT_V1)
    write(f"{project}/src/test/java/com/acme/orders/service/OrderServiceTest.java", TEST)
    git(project, "add", "-A")
    git(project, "commit", "-q", "-m", "Orders service skeleton with loyalty discounts", date="2026-11-20T09:12:00Z")
    for i, (msg, path, extra) in enumerate([
            ("Payment gateway: log slow acquirer calls", "payment/PaymentGateway.java", "    // log calls slower than 1500 ms\n"),
            ("Stock reservations: reserve per warehouse", "inventory/StockReservations.java", "    // reservations are per warehouse since ENG-4390\n"),
            ("Notification: render order confirmation emails", "notification/EmailTemplates.java", None)]):
        p = f"{project}/src/main/java/com/acme/orders/{path}"
        if extra and os.path.exists(p):
            with open(p) as f:
                src = f.read()
            src = src.replace("{\n\n", "{\n\n" + extra, 1)
            write(p, src)
        else:
            write(p, java_class(path.split("/")[0], "EmailTemplates", generated_methods("EmailTemplates", 5)))
        git(project, "add", "-A")
        git(project, "commit", "-q", "-m", msg, date=f"2026-11-2{1 + i}T1{i}:30:00Z")
    write(f"{project}/src/main/java/com/acme/orders/service/DiscountPolicy.java", DISCOUNT_V2)
    git(project, "add", "-A")
    git(project, "commit", "-q", "-m", "Pricing: no loyalty discount below 150.00 (PRICING-212)",
        date="2026-11-25T16:45:00Z")
    mvnw(project)
    app_log(project)
    write(f"{project}/tools/api.py", API_PY, 0o755)
    # The other projects and the stand-ins, each with its own seed: orders-service above stays as it was.
    import scratch_projects
    scratch_projects.build_all(root)


if __name__ == "__main__":
    main()
