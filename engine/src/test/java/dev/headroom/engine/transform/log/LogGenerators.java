package dev.headroom.engine.transform.log;

import java.util.Random;

/** Realistic, deterministic logs for tests: a failing Maven build and a service log with a buried trace. */
public final class LogGenerators {

    private LogGenerators() {
    }

    /** About {@code lines} lines of a Maven build with one failing test (and its trace) buried in the middle. */
    public static String mavenBuild(int lines, long seed) {
        Random r = new Random(seed);
        StringBuilder sb = new StringBuilder();
        sb.append("[INFO] Scanning for projects...\n[INFO] \n")
                .append("[INFO] ------------------------< com.acme:orders-service >------------------------\n")
                .append("[INFO] Building orders-service 1.4.0-SNAPSHOT\n[INFO]   from pom.xml\n")
                .append("[INFO] --------------------------------[ jar ]---------------------------------\n");
        int count = 6;
        for (int i = 0; count < lines / 5; i++, count += 2) {
            String url = "https://repo.maven.apache.org/maven2/org/lib" + (i % 37) + "/lib-core/" + (1 + i % 5) + "." + (i % 10)
                    + "/lib-core-" + (1 + i % 5) + "." + (i % 10) + (i % 2 == 0 ? ".pom" : ".jar");
            sb.append("[INFO] Downloading from central: ").append(url).append('\n');
            sb.append("[INFO] Downloaded from central: ").append(url).append(" (").append(10 + r.nextInt(900)).append(" kB at ")
                    .append(1 + r.nextInt(9)).append(".").append(r.nextInt(10)).append(" MB/s)\n");
        }
        sb.append("[INFO] --- compiler:3.13.0:compile (default-compile) @ orders-service ---\n");
        sb.append("[INFO] Compiling 214 source files with javac [debug release 17] to target/classes\n");
        for (int i = 0; i < 12; i++, count += 2) {
            sb.append("[WARNING] /home/dev/orders/src/main/java/com/acme/orders/Legacy").append(i)
                    .append(".java:[").append(20 + i).append(",17] getAmount() in com.acme.Money has been deprecated\n");
            sb.append("[WARNING] /home/dev/orders/src/main/java/com/acme/orders/Mapper").append(i)
                    .append(".java:[").append(40 + i).append(",9] unchecked conversion\n");
        }
        sb.append("[INFO] --- surefire:3.2.5:test (default-test) @ orders-service ---\n");
        sb.append("[INFO] \n[INFO] -------------------------------------------------------\n[INFO]  T E S T S\n")
                .append("[INFO] -------------------------------------------------------\n");
        int failAt = lines / 2;
        int test = 0;
        String failed = "";
        while (count < lines - 40) {
            String cls = "com.acme.orders.Service" + test + "Test";
            sb.append("[INFO] Running ").append(cls).append('\n');
            count++;
            int body = 10 + r.nextInt(30);
            for (int k = 0; k < body; k++, count++) {
                sb.append(String.format("2026-11-26 10:%02d:%02d.%03d [main] %s c.a.o.Service%d - %s%n", (count / 60) % 60,
                        count % 60, r.nextInt(1000), k % 9 == 0 ? "DEBUG" : "INFO ", test,
                        k % 3 == 0 ? "processed order " + r.nextInt(100000) + " in " + r.nextInt(50) + " ms"
                                : "cache hit for key order:" + r.nextInt(5000)));
            }
            if (count >= failAt && failAt > 0) {
                failAt = -1;
                failed = "Service" + test + "Test";
                sb.append("[ERROR] Tests run: 7, Failures: 1, Errors: 0, Skipped: 0, Time elapsed: 0.412 s <<< FAILURE! -- in ")
                        .append(cls).append('\n');
                sb.append("[ERROR] ").append(cls).append(".refundsPartialPayment -- Time elapsed: 0.031 s <<< FAILURE!\n");
                sb.append("org.opentest4j.AssertionFailedError: expected: <42.50> but was: <40.00>\n");
                String[] frames = {"org.junit.jupiter.api.AssertionFailureBuilder.build(AssertionFailureBuilder.java:151)",
                    "org.junit.jupiter.api.AssertionFailureBuilder.buildAndThrow(AssertionFailureBuilder.java:132)",
                    "org.junit.jupiter.api.AssertEquals.failNotEqual(AssertEquals.java:197)",
                    "org.junit.jupiter.api.AssertEquals.assertEquals(AssertEquals.java:182)",
                    "org.junit.jupiter.api.Assertions.assertEquals(Assertions.java:1156)",
                    cls + ".refundsPartialPayment(" + "Service" + test + "Test.java:88)",
                    "java.base/java.lang.reflect.Method.invoke(Method.java:580)",
                    "java.base/java.util.ArrayList.forEach(ArrayList.java:1596)"};
                for (String f : frames) {
                    sb.append("\tat ").append(f).append('\n');
                }
                for (int k = 0; k < 30; k++) {
                    sb.append("\tat org.junit.platform.engine.support.hierarchical.NodeTestTask.executeRecursively(NodeTestTask.java:")
                            .append(100 + k).append(")\n");
                }
                sb.append("\n");
                count += 42;
            } else {
                sb.append("[INFO] Tests run: ").append(3 + r.nextInt(9)).append(", Failures: 0, Errors: 0, Skipped: 0, Time elapsed: ")
                        .append(r.nextInt(3)).append('.').append(r.nextInt(1000)).append(" s -- in ").append(cls).append('\n');
                count++;
            }
            test++;
        }
        sb.append("[INFO] \n[INFO] Results:\n[INFO] \n[ERROR] Failures: \n")
                .append("[ERROR]   ").append(failed).append(".refundsPartialPayment:88 expected: <42.50> but was: <40.00>\n")
                .append("[INFO] \n[ERROR] Tests run: ").append(test * 6).append(", Failures: 1, Errors: 0, Skipped: 0\n[INFO] \n")
                .append("[INFO] ------------------------------------------------------------------------\n")
                .append("[INFO] BUILD FAILURE\n")
                .append("[INFO] ------------------------------------------------------------------------\n")
                .append("[INFO] Total time:  41.337 s\n[INFO] Finished at: 2026-11-26T10:44:12Z\n")
                .append("[INFO] ------------------------------------------------------------------------\n")
                .append("[ERROR] Failed to execute goal org.apache.maven.plugins:maven-surefire-plugin:3.2.5:test (default-test) on project orders-service: There are test failures.\n")
                .append("[ERROR] \n[ERROR] Please refer to /home/dev/orders/target/surefire-reports for the individual test results.\n")
                .append("[ERROR] -> [Help 1]\n");
        return sb.toString();
    }

    /** An application log of about {@code lines} lines: INFO traffic, repeated warnings, one buried exception. */
    public static String applicationLog(int lines, long seed) {
        Random r = new Random(seed);
        StringBuilder sb = new StringBuilder();
        String[] paths = {"/api/orders", "/api/orders/{id}", "/api/customers", "/health", "/api/invoices"};
        for (int i = 0; i < lines; i++) {
            String ts = String.format("2026-11-26T09:%02d:%02d.%03dZ", (i / 60) % 60, i % 60, r.nextInt(1000));
            if (i == lines * 2 / 3) {
                sb.append(ts).append(" ERROR 4711 --- [nio-8080-exec-3] c.a.o.web.OrderController : Request failed for order 98231\n");
                sb.append("java.lang.IllegalStateException: inventory reservation expired for sku=AB-1234\n");
                sb.append("\tat com.acme.orders.inventory.Reservations.confirm(Reservations.java:77)\n");
                sb.append("\tat com.acme.orders.OrderService.place(OrderService.java:142)\n");
                sb.append("\tat com.acme.orders.web.OrderController.create(OrderController.java:58)\n");
                for (int k = 0; k < 40; k++) {
                    sb.append("\tat org.springframework.web.servlet.FrameworkServlet.service(FrameworkServlet.java:").append(800 + k).append(")\n");
                }
                sb.append("Caused by: java.sql.SQLTransientConnectionException: HikariPool-1 - Connection is not available, request timed out after 30000ms.\n");
                sb.append("\tat com.zaxxer.hikari.pool.HikariPool.createTimeoutException(HikariPool.java:696)\n");
                sb.append("\t... 52 common frames omitted\n");
                i += 47;
            } else if (i % 97 == 13) {
                sb.append(ts).append(" WARN  4711 --- [  scheduling-1] c.a.o.jobs.CleanupJob : slow query took ")
                        .append(1000 + r.nextInt(4000)).append(" ms on table orders_").append(r.nextInt(9)).append('\n');
            } else {
                sb.append(ts).append(" INFO  4711 --- [nio-8080-exec-").append(1 + r.nextInt(9)).append("] c.a.o.web.AccessLog : GET ")
                        .append(paths[r.nextInt(paths.length)]).append(" 200 ").append(r.nextInt(80)).append("ms\n");
            }
        }
        return sb.toString();
    }
}
