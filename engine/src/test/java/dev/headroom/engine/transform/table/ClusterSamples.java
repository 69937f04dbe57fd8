package dev.headroom.engine.transform.table;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Deterministic outputs of {@code kubectl get pods}, {@code kubectl get pods -A -o wide},
 * {@code kubectl get events} and {@code docker ps}, laid out as the real tools do (Go's tabwriter).
 * Each holds a few anomalies the tests look for: CrashLoopBackOff and OOMKilled pods, Warning events,
 * an exited container.
 */
final class ClusterSamples {

    static final String[] APPS = {"payments-api", "orders-api", "checkout-web", "inventory-svc", "notification-worker",
        "search-indexer", "auth-gateway", "catalog-api", "shipping-svc", "pricing-engine", "cart-svc", "recommendation-api"};
    private static final String HASH_CHARS = "bcdfghjklmnpqrstvwxz2456789";

    private ClusterSamples() {
    }

    static String suffix(Random r, int n) {
        StringBuilder sb = new StringBuilder(n);
        for (int i = 0; i < n; i++) {
            sb.append(HASH_CHARS.charAt(r.nextInt(HASH_CHARS.length())));
        }
        return sb.toString();
    }

    static String age(Random r) {
        return switch (r.nextInt(5)) {
            case 0 -> (1 + r.nextInt(20)) + "d";
            case 1 -> (1 + r.nextInt(9)) + "d" + r.nextInt(24) + "h";
            case 2 -> (1 + r.nextInt(23)) + "h";
            case 3 -> (1 + r.nextInt(59)) + "m";
            default -> (2 + r.nextInt(20)) + "h" + r.nextInt(60) + "m";
        };
    }

    /** {@code kubectl get pods}: row 17 is in CrashLoopBackOff, row 33 was OOMKilled, one is Pending. */
    static String pods(int n, long seed) {
        Random r = new Random(seed);
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"NAME", "READY", "STATUS", "RESTARTS", "AGE"});
        for (int i = 0; i < n; i++) {
            String app = APPS[i % APPS.length];
            String name = app + "-" + suffix(r, 10) + "-" + suffix(r, 5);
            String ready = "1/1";
            String status = "Running";
            String restarts = "0";
            if (i == 17) {
                ready = "0/1";
                status = "CrashLoopBackOff";
                restarts = "17 (3m12s ago)";
            } else if (i == 33) {
                ready = "0/1";
                status = "OOMKilled";
                restarts = "4 (52s ago)";
            } else if (i == n - 5) {
                ready = "0/1";
                status = "Pending";
            } else if (r.nextInt(12) == 0) {
                restarts = (1 + r.nextInt(2)) + " (" + (1 + r.nextInt(20)) + "d ago)";
            }
            rows.add(new String[] {name, ready, status, restarts, age(r)});
        }
        return Tabwriter.kubectl(rows);
    }

    /** {@code kubectl get pods -A -o wide}: system pods first, then the apps' namespaces. */
    static String podsAllWide(int n, long seed) {
        Random r = new Random(seed);
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"NAMESPACE", "NAME", "READY", "STATUS", "RESTARTS", "AGE", "IP", "NODE",
            "NOMINATED NODE", "READINESS GATES"});
        String[] nodes = {"control-plane", "worker-1", "worker-2", "worker-3"};
        String[] system = {"coredns-5d78c9869d-" + suffix(r, 5), "coredns-5d78c9869d-" + suffix(r, 5),
            "etcd-control-plane", "kube-apiserver-control-plane", "kube-controller-manager-control-plane",
            "kube-scheduler-control-plane"};
        for (String s : system) {
            boolean host = !s.startsWith("coredns");
            rows.add(new String[] {"kube-system", s, "1/1", "Running", "0", "41d", host ? "172.18.0.2" : "10.244.0." + (2 + r.nextInt(200)),
                "control-plane", "<none>", "<none>"});
        }
        for (int k = 0; k < 4; k++) {
            rows.add(new String[] {"kube-system", "kube-proxy-" + suffix(r, 5), "1/1", "Running", "0", "41d", "172.18.0." + (2 + k),
                nodes[k], "<none>", "<none>"});
        }
        String[] namespaces = {"shop", "shop", "shop", "platform", "monitoring"};
        for (int i = 0; rows.size() <= n; i++) {
            String app = APPS[i % APPS.length];
            String ns = namespaces[i % namespaces.length];
            String status = i == 23 ? "CrashLoopBackOff" : i == 41 ? "Error" : "Running";
            String restarts = i == 23 ? "12 (2m41s ago)" : i == 41 ? "3 (10m ago)" : "0";
            rows.add(new String[] {ns, app + "-" + suffix(r, 10) + "-" + suffix(r, 5), status.equals("Running") ? "1/1" : "0/1",
                status, restarts, age(r), "10.244." + (1 + i % 3) + "." + (2 + r.nextInt(250)), nodes[1 + i % 3], "<none>", "<none>"});
        }
        rows.sort((a, b) -> a == rows.get(0) ? -1 : b == rows.get(0) ? 1 : a[0].compareTo(b[0]));
        return Tabwriter.kubectl(rows);
    }

    /** {@code kubectl get events}: Normal lifecycle events, and Warnings (BackOff, Unhealthy, FailedScheduling). */
    static String events(int n, long seed) {
        Random r = new Random(seed);
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"LAST SEEN", "TYPE", "REASON", "OBJECT", "MESSAGE"});
        for (int i = 0; rows.size() <= n; i++) {
            String app = APPS[i % APPS.length];
            String pod = app + "-" + suffix(r, 9) + "-" + suffix(r, 5);
            String seen = (1 + r.nextInt(50)) + "m";
            switch (i % 6) {
                case 0 -> rows.add(new String[] {seen, "Normal", "Scheduled", "pod/" + pod,
                    "Successfully assigned shop/" + pod + " to worker-" + (1 + r.nextInt(3))});
                case 1 -> rows.add(new String[] {seen, "Normal", "Pulling", "pod/" + pod,
                    "Pulling image \"registry.example.com/shop/" + app + ":1." + r.nextInt(20) + "." + r.nextInt(9) + "\""});
                case 2 -> rows.add(new String[] {seen, "Normal", "Pulled", "pod/" + pod,
                    "Successfully pulled image \"registry.example.com/shop/" + app + ":1.4.2\" in 3." + r.nextInt(999) + "s (3.9s including waiting)"});
                case 3 -> rows.add(new String[] {seen, "Normal", "Created", "pod/" + pod, "Created container " + app});
                case 4 -> rows.add(new String[] {seen, "Normal", "Started", "pod/" + pod, "Started container " + app});
                default -> rows.add(new String[] {seen, "Normal", "ScalingReplicaSet", "deployment/" + app,
                    "Scaled up replica set " + app + "-" + suffix(r, 9) + " to " + (2 + r.nextInt(3))});
            }
            if (i == 14) {
                rows.add(new String[] {"2m (x87 over 21m)", "Warning", "BackOff", "pod/" + pod,
                    "Back-off restarting failed container " + app + " in pod " + pod + "_shop(0c9e2f1a-5b7d-4c11-9a3e-2f6d8b1c7e40)"});
            } else if (i == 29) {
                rows.add(new String[] {"45s (x12 over 9m)", "Warning", "Unhealthy", "pod/" + pod,
                    "Readiness probe failed: Get \"http://10.244.2.31:8080/ready\": dial tcp 10.244.2.31:8080: connect: connection refused"});
            } else if (i == 40) {
                rows.add(new String[] {"6m", "Warning", "FailedScheduling", "pod/" + pod,
                    "0/4 nodes are available: 1 node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }, 3 Insufficient memory."});
            }
        }
        return Tabwriter.kubectl(rows);
    }

    /** {@code docker ps -a}: healthy services, an exited one (137), a restarting one, empty PORTS cells. */
    static String dockerPs(int n, long seed) {
        Random r = new Random(seed);
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"CONTAINER ID", "IMAGE", "COMMAND", "CREATED", "STATUS", "PORTS", "NAMES"});
        String[][] images = {
            {"postgres:16.2", "\"docker-entrypoint.s…\"", "0.0.0.0:5432->5432/tcp, :::5432->5432/tcp", "db"},
            {"redis:7.2-alpine", "\"docker-entrypoint.s…\"", "6379/tcp", "cache"},
            {"nginx:1.25", "\"/docker-entrypoint.…\"", "0.0.0.0:8080->80/tcp, :::8080->80/tcp", "web"},
            {"ghcr.io/acme/orders-api:1.14.2", "\"java -jar /app/app.…\"", "8080/tcp", "orders"},
            {"ghcr.io/acme/worker:1.14.2", "\"/usr/local/bin/work…\"", "", "worker"},
            {"rabbitmq:3.13-management", "\"docker-entrypoint.s…\"", "4369/tcp, 5671-5672/tcp, 15671-15672/tcp, 15691-15692/tcp, 25672/tcp", "mq"},
        };
        String[] created = {"3 days ago", "2 hours ago", "About an hour ago", "45 minutes ago", "5 days ago", "2 weeks ago"};
        for (int i = 0; i < n; i++) {
            String[] img = images[i % images.length];
            String when = created[r.nextInt(created.length)];
            String status = "Up " + (i % 4 == 0 ? "3 days" : "2 hours") + (img[3].equals("db") ? " (healthy)" : "");
            if (i == 9) {
                status = "Exited (137) 5 minutes ago";
            } else if (i == 15) {
                status = "Restarting (1) 12 seconds ago";
            }
            String ports = status.startsWith("Up") ? img[2] : "";
            rows.add(new String[] {String.format("%012x", r.nextLong() & 0xffffffffffffL), img[0], img[1], when, status, ports,
                "shop-" + img[3] + "-" + (1 + i / images.length)});
        }
        return Tabwriter.docker(rows);
    }
}
