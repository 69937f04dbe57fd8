package dev.headroom.bench;

import java.util.Locale;
import java.util.Random;

/**
 * A ~100 KB agent request made of the command families agents really run, each in the shape its tool prints
 * (seeded, deterministic): a Codex-wrapped and cut JSON listing, kubectl pods, a Maven build log with downloads,
 * git log -p with a PR-template message, ps aux, a CSV export and grep hits. It exercises the unwrapper, the
 * segmenter and every compressor in one request, where {@link Workloads#jsonArray} and {@link Workloads#log} only
 * reach two.
 */
final class MixedWorkload {

    private MixedWorkload() {
    }

    static byte[] request() {
        return Workloads.anthropicRequest(codexCutJson(), kubectlPods(90), mavenLog(140), gitLogPatch(6), psAux(110),
                csv(200), grepHits(110));
    }

    static String codexCutJson() {
        StringBuilder sb = new StringBuilder("Chunk ID: 7f2a1c\nWall time: 0.4121 seconds\nProcess exited with code 0\n"
                + "Original token count: 9120\nOutput:\nWarning: truncated output (original token count: 9120)\n"
                + "Total output lines: 1\n\n{\"items\": [");
        for (int i = 0; i < 90; i++) {
            sb.append(i == 0 ? "" : ", ").append(String.format(Locale.ROOT,
                    "{\"id\": %d, \"sku\": \"SKU-%05d\", \"warehouse\": \"%s\", \"qty\": %d, \"status\": \"%s\"}",
                    i, 30000 + i * 7, i % 3 == 0 ? "FRA-1" : "AMS-2", (i * 13) % 40, i % 17 == 0 ? "BACKORDER" : "IN_STOCK"));
            if (i == 44) {
                sb.append(", {\"id\": 45, \"sku\": \"SK\u20263018 tokens truncated\u2026\"IN_STOCK\"}");
            }
        }
        return sb.append("], \"count\": 180}").toString();
    }

    static String kubectlPods(int n) {
        Random r = new Random(7);
        String[] apps = {"orders-api", "payments-worker", "inventory-sync", "web-frontend", "redis-cache", "kafka-consumer"};
        StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, "%-14s%-46s%-8s%-20s%-12s%s%n",
                "NAMESPACE", "NAME", "READY", "STATUS", "RESTARTS", "AGE"));
        for (int i = 0; i < n; i++) {
            String status = i % 37 == 5 ? "CrashLoopBackOff" : i % 53 == 9 ? "OOMKilled" : "Running";
            sb.append(String.format(Locale.ROOT, "%-14s%-46s%-8s%-20s%-12s%s%n", i % 4 == 0 ? "kube-system" : "shop",
                    apps[i % apps.length] + "-" + Integer.toHexString(0x5d8f7c9b + r.nextInt(0xffff)) + "-" + (char) ('a' + r.nextInt(26))
                            + (char) ('a' + r.nextInt(26)) + (char) ('a' + r.nextInt(26)),
                    status.equals("Running") ? "1/1" : "0/1", status, status.equals("Running") ? "0" : String.valueOf(3 + r.nextInt(40)),
                    (1 + r.nextInt(30)) + "d"));
        }
        return sb.toString();
    }

    static String mavenLog(int n) {
        StringBuilder sb = new StringBuilder("[INFO] Scanning for projects...\n[INFO] \n"
                + "[INFO] -----------------------< com.acme:orders-service >-----------------------\n");
        for (int i = 0; i < n; i++) {
            String artifact = "org/example/lib" + (i % 40) + "/" + (1 + i % 5) + "." + (i % 9) + "/lib" + (i % 40);
            sb.append("[INFO] Downloading from central: https://repo.maven.apache.org/maven2/").append(artifact).append(".pom\n");
            sb.append("[INFO] Downloaded from central: https://repo.maven.apache.org/maven2/").append(artifact)
                    .append(".pom (").append(1 + i % 9).append(".").append(i % 10).append(" kB at ").append(40 + i % 60).append(" kB/s)\n");
        }
        for (int i = 0; i < 30; i++) {
            sb.append(String.format(Locale.ROOT, "[INFO] Tests run: %d, Failures: 0, Errors: 0, Skipped: 0, Time elapsed: 0.%03d s - in com.acme.orders.Service%dTest%n",
                    3 + i % 7, (i * 37) % 1000, i));
        }
        sb.append("[ERROR] Tests run: 4, Failures: 1, Errors: 0, Skipped: 0, Time elapsed: 0.112 s <<< FAILURE! - in com.acme.orders.OrderServiceTest\n")
                .append("[ERROR] com.acme.orders.OrderServiceTest.shouldApplyDiscount  Time elapsed: 0.02 s  <<< FAILURE!\n")
                .append("org.opentest4j.AssertionFailedError: expected: <90.00> but was: <100.00>\n")
                .append("\tat com.acme.orders.OrderServiceTest.shouldApplyDiscount(OrderServiceTest.java:34)\n")
                .append("[INFO] BUILD FAILURE\n[INFO] Total time:  41.215 s\n");
        return sb.toString();
    }

    static String gitLogPatch(int commits) {
        StringBuilder sb = new StringBuilder();
        for (int c = 0; c < commits; c++) {
            sb.append(String.format(Locale.ROOT, "commit %040x%n", 0x79318f6207c8fdL * (c + 3)))
                    .append("Author: Dana Whitfield <dana.whitfield@acme-shop.example>\n")
                    .append("Date:   Tue Nov ").append(10 + c).append(" 14:0").append(c).append(":11 2026 +0100\n\n")
                    .append("    PRICING-2").append(10 + c).append(": adjust discount rules\n\n")
                    .append("    ## Summary\n\n    Tightens the discount policy.\n\n    ## Checklist\n\n")
                    .append("    - [x] Tests added\n    - [ ] Docs updated\n    - [ ] Changelog entry\n\n    ## Screenshots\n\n    _No response_\n\n");
            sb.append("diff --git a/src/main/java/com/acme/orders/DiscountPolicy.java b/src/main/java/com/acme/orders/DiscountPolicy.java\n")
                    .append("index 3f1c2ab..9e4d7c1 100644\n--- a/src/main/java/com/acme/orders/DiscountPolicy.java\n")
                    .append("+++ b/src/main/java/com/acme/orders/DiscountPolicy.java\n@@ -").append(20 + c).append(",14 +").append(20 + c).append(",15 @@ public final class DiscountPolicy {\n");
            for (int l = 0; l < 14; l++) {
                if (l == 7) {
                    sb.append("-        if (total.compareTo(MINIMUM) < 0) {\n+        if (total.compareTo(MINIMUM_FOR_DISCOUNT) < 0) {\n+            return BigDecimal.ZERO;\n");
                } else {
                    sb.append("         int unchanged").append(l).append(" = compute(").append(l).append(");\n");
                }
            }
        }
        return sb.toString();
    }

    static String psAux(int n) {
        StringBuilder sb = new StringBuilder("USER         PID %CPU %MEM    VSZ   RSS TTY      STAT START   TIME COMMAND\n");
        for (int i = 0; i < n; i++) {
            sb.append(String.format(Locale.ROOT, "%-8s %7d %4.1f %4.1f %6d %5d %-8s %-4s %5s %6s %s%n",
                    i % 5 == 0 ? "root" : "app", 100 + i * 17, i == 77 ? 98.4 : (i % 10) / 10.0, (i % 7) / 10.0,
                    10000 + i * 311, 2000 + i * 97, "?", "S", "09:1" + (i % 10), "0:0" + (i % 10),
                    i % 3 == 0 ? "/usr/bin/java -Xmx512m -jar /opt/app/orders-" + i + ".jar" : "[kworker/" + (i % 4) + ":" + i + "]"));
        }
        return sb.toString();
    }

    static String csv(int n) {
        StringBuilder sb = new StringBuilder("order_id,customer,country,status,total,currency,created_at\n");
        for (int i = 0; i < n; i++) {
            sb.append(String.format(Locale.ROOT, "ORD-%05d,\"Customer %d, Ltd\",%s,%s,%d.%02d,EUR,2026-11-%02dT10:%02d:00Z%n", 20000 + i, i,
                    i % 2 == 0 ? "DE" : "FR", i % 29 == 0 ? "PAYMENT_FAILED" : "PAID", 10 + i % 300, i % 100, 1 + i % 28, i % 60));
        }
        return sb.toString();
    }

    static String grepHits(int n) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < n; i++) {
            sb.append("src/main/java/com/acme/orders/service/Service").append(i / 8).append(".java:").append(10 + i * 3)
                    .append(":        log.debug(\"order {} reserved\", orderId); // ").append(i % 11 == 0 ? "FIXME(ENG-4471)" : "ok").append('\n');
        }
        return sb.toString();
    }
}
