package dev.headroom.bench.proxy;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Pass-through overhead of {@code headroom proxy}, side by side in one run: the same SSE upstream reached
 * directly, through nginx (when installed) and through Headroom, at 50 concurrent streams; then 1,000
 * concurrent open streams through Headroom with the proxy's resident memory sampled.
 *
 * <p>Usage: {@code benchmarks/proxy-overhead.sh} (builds, then runs this with the launcher's path).
 */
public final class ProxyOverheadBench {

    private ProxyOverheadBench() {
    }

    public static void main(String[] args) throws Exception {
        Path launcher = Path.of(args.length > 0 ? args[0] : "bin/headroom").toAbsolutePath();
        int requests = Integer.parseInt(System.getProperty("requests", "3000"));
        int concurrency = Integer.parseInt(System.getProperty("concurrency", "50"));
        int streams = Integer.parseInt(System.getProperty("streams", "1000"));
        // The proxy is a JIT-compiled JVM: on a 2-core machine its compiler threads were still busy (half the
        // proxy's CPU) after a 1,000-request warm-up, so the measured round caught warm-up, not pass-through. And a
        // warm-up over one set of connections is not enough: the measured round's new connections took paths the
        // compiled code had never seen, deoptimised it and recompiled ~400 methods while being measured. So the
        // warm-up is several rounds, each over new connections, as a real proxy sees clients come and go.
        int warmupRounds = Integer.parseInt(System.getProperty("warmupRounds", "4"));
        int measuredRounds = Math.max(1, Integer.parseInt(System.getProperty("measuredRounds", "3")));
        int corpusPasses = Integer.parseInt(System.getProperty("corpusPasses", "5"));
        Path corpus = Path.of(System.getProperty("corpus", "corpus/recorded"));
        byte[] body = ("{\"model\":\"claude-sonnet-4-5\",\"max_tokens\":64,\"stream\":true,"
                + "\"messages\":[{\"role\":\"user\",\"content\":\"hello\"}]}").getBytes(StandardCharsets.UTF_8);
        Path work = Files.createTempDirectory("headroom-bench");
        List<Process> processes = new ArrayList<>();
        String phases = System.getProperty("phases", "throughput,ttfb,corpus,streams");
        if (phases.contains("throughput")) {
            try {
                throughput(launcher, work, processes);
            } catch (Exception e) {
                processes.forEach(Process::destroy); // nginx and the proxies must not outlive a failed run
                throw e;
            }
            if (phases.equals("throughput")) {
                processes.forEach(Process::destroy);
                return;
            }
        }
        try (SseUpstream upstream = new SseUpstream(5, 2)) {
            String direct = "http://127.0.0.1:" + upstream.port() + "/v1/messages";
            String nginx = startNginx(work, upstream.port(), processes);
            int proxyPort = freePort();
            Process proxy = proxy(launcher, work.resolve("home"), proxyPort, upstream.port())
                    .redirectErrorStream(true).redirectOutput(work.resolve("proxy.log").toFile())
                    .start();
            processes.add(proxy);
            String headroom = "http://127.0.0.1:" + proxyPort + "/v1/messages";
            awaitLive("http://127.0.0.1:" + proxyPort + "/livez");

            System.out.printf(Locale.ROOT, "Pass-through TTFB, %d requests at %d concurrent streams (ms)%n", requests, concurrency);
            List<String[]> targets = new ArrayList<>();
            targets.add(new String[] {"direct", direct});
            if (nginx != null) {
                targets.add(new String[] {"nginx", nginx});
            }
            targets.add(new String[] {"headroom", headroom});
            // Each measured round visits every target in turn (paired rounds under the same machine load); the
            // figures are the medians over the rounds, and headroom's distance to nginx is the median of the
            // per-round differences. p99 of one round swung by several ms between identical runs.
            int rounds = warmupRounds + measuredRounds;
            double[][] p50 = new double[targets.size()][measuredRounds];
            double[][] p99 = new double[targets.size()][measuredRounds];
            long[] proxyCpu = new long[2];
            // -Dasprof.phase=new-connections profiles the one-at-a-time new connections instead of the measured round
            boolean profileNewConnections = "new-connections".equals(System.getProperty("asprof.phase"));
            // One client per target for all the rounds, so its connections are kept alive from round to round, as an
            // agent keeps its connections to the proxy; the cost of new connections is measured on its own below.
            // (With a new client each round, every round began with 50 connections opened at once, and those first 50
            // of 3,000 requests were the p99: the connection burst, not the pass-through.)
            List<HttpClient> clients = new ArrayList<>();
            for (int i = 0; i < targets.size(); i++) {
                clients.add(TtfbClient.newClient());
            }
            for (int round = 0; round < rounds; round++) {
                int m = round - warmupRounds;
                for (int i = 0; i < targets.size(); i++) {
                    boolean headroomMeasured = m >= 0 && i == targets.size() - 1;
                    long[] cpuBefore = ProcessProbe.cpuMillis(proxy.pid());
                    if (headroomMeasured && m == 0 && !profileNewConnections) {
                        ProcessProbe.startProfile(proxy.pid());
                    }
                    List<Double> t = TtfbClient.measure(clients.get(i), targets.get(i)[1], body, concurrency, requests);
                    if (headroomMeasured) {
                        long[] cpuAfter = ProcessProbe.cpuMillis(proxy.pid());
                        if (m == 0 && !profileNewConnections) {
                            ProcessProbe.stopProfile(proxy.pid(), work);
                        }
                        proxyCpu[0] += cpuAfter[0] - cpuBefore[0];
                        proxyCpu[1] += cpuAfter[1] - cpuBefore[1];
                    }
                    if (m >= 0) {
                        p50[i][m] = TtfbClient.percentile(t, 50);
                        p99[i][m] = TtfbClient.percentile(t, 99);
                    }
                }
            }
            clients.forEach(HttpClient::close);
            System.out.printf(Locale.ROOT, "  (medians over %d measured rounds, after %d warm-up rounds; connections kept alive)%n",
                    measuredRounds, warmupRounds);
            for (int i = 0; i < targets.size(); i++) {
                System.out.printf(Locale.ROOT, "  %-9s p50 %7.3f  p99 %7.3f  added vs direct: p50 %+7.3f  p99 %+7.3f%n",
                        targets.get(i)[0], median(p50[i]), median(p99[i]), medianDiff(p50[i], p50[0]),
                        medianDiff(p99[i], p99[0]));
            }
            if (nginx != null) {
                int h = targets.size() - 1;
                System.out.printf(Locale.ROOT, "  headroom minus nginx: p50 %+.3f ms, p99 %+.3f ms (each round: p50 %s, p99 %s)%n",
                        medianDiff(p50[h], p50[1]), medianDiff(p99[h], p99[1]), diffs(p50[h], p50[1]), diffs(p99[h], p99[1]));
            }
            // an agent's next turn often comes on a new connection (Node's keep-alive lets idle ones go after ~4 s)
            if (profileNewConnections) {
                ProcessProbe.startProfile(proxy.pid());
            }
            newConnections(targets, body, 1, 30, 100);
            if (profileNewConnections) {
                ProcessProbe.stopProfile(proxy.pid(), work);
            }
            newConnections(targets, body, concurrency, measuredRounds, 500);
            long measuredRequests = (long) requests * measuredRounds;
            System.out.printf(Locale.ROOT, "  headroom's own CPU per request (measured rounds): %.3f ms user, %.3f ms system%n",
                    proxyCpu[0] / (double) measuredRequests, proxyCpu[1] / (double) measuredRequests);
            if (Files.isDirectory(corpus) && corpusPasses > 0) {
                CorpusLatency.run(corpus, targets, corpusPasses, proxyPort);
            }
            if (streams > 0) {
                holdStreams(launcher, work, body, streams, processes);
            }
        } finally {
            for (Process p : processes) {
                p.destroy();
            }
        }
    }

    /**
     * Saturation and fixed-rate load, nginx and headroom side by side in front of one nginx upstream that answers
     * at once ({@link Throughput}); skipped when wrk and hey are not installed.
     */
    private static void throughput(Path launcher, Path work, List<Process> processes) throws Exception {
        if (!Throughput.available() || !Files.isExecutable(Path.of("/usr/sbin/nginx"))) {
            System.out.println("(wrk, hey or nginx not installed: the throughput phase is skipped)");
            return;
        }
        Path dir = Files.createDirectories(work.resolve("throughput"));
        int upstreamPort = freePort();
        int nginxPort = freePort();
        Files.createDirectories(dir.resolve("logs"));
        String sse = "event: message_start\\ndata: {\\\"type\\\":\\\"message_start\\\"}\\n\\n"
                + "event: message_stop\\ndata: {\\\"type\\\":\\\"message_stop\\\"}\\n\\n";
        String conf = "worker_processes 1; daemon off; pid " + dir.resolve("nginx.pid") + ";\n"
                + "error_log " + dir.resolve("logs/error.log") + ";\n"
                + "events { worker_connections 4096; }\n"
                + "http { access_log off; client_body_temp_path " + dir + "; proxy_temp_path " + dir + ";\n"
                + "  upstream up { server 127.0.0.1:" + upstreamPort + "; keepalive 64; }\n"
                + "  server { listen 127.0.0.1:" + upstreamPort + "; keepalive_requests 100000;\n"
                + "    location / { default_type text/event-stream; return 200 \"" + sse + "\"; } }\n"
                + "  server { listen 127.0.0.1:" + nginxPort + "; keepalive_requests 100000;\n"
                + "    location / { proxy_pass http://up; proxy_http_version 1.1; proxy_set_header Connection \"\";\n"
                + "      proxy_buffering off; proxy_request_buffering off; } } }\n";
        Path file = dir.resolve("nginx.conf");
        Files.writeString(file, conf);
        processes.add(new ProcessBuilder("/usr/sbin/nginx", "-c", file.toString(), "-p", dir.toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("nginx.out").toFile()).start());
        awaitPort(nginxPort);
        int proxyPort = freePort();
        Process proxy = proxy(launcher, dir.resolve("home"), proxyPort, upstreamPort).redirectErrorStream(true)
                .redirectOutput(dir.resolve("proxy.log").toFile()).start();
        processes.add(proxy);
        awaitLive("http://127.0.0.1:" + proxyPort + "/livez");
        List<String[]> targets = new ArrayList<>(List.of(new String[] {"nginx", "http://127.0.0.1:" + nginxPort + "/v1/messages"},
                new String[] {"headroom", "http://127.0.0.1:" + proxyPort + "/v1/messages"}));
        // -Dab=httpclient5: a second headroom in the same rounds, its upstream client Apache HttpClient 5 classic;
        // -DabLauncher=PATH/bin/headroom: the second one is another build (e.g. the commit before a change)
        String ab = System.getProperty("ab", "");
        if (!ab.isEmpty()) {
            int abPort = freePort();
            Path abLauncher = Path.of(System.getProperty("abLauncher", launcher.toString())).toAbsolutePath();
            ProcessBuilder pb = proxy(abLauncher, dir.resolve("home-ab"), abPort, upstreamPort);
            pb.environment().put("HEADROOM_UPSTREAM_CLIENT", ab);
            processes.add(pb.redirectErrorStream(true).redirectOutput(dir.resolve("proxy-ab.log").toFile()).start());
            awaitLive("http://127.0.0.1:" + abPort + "/livez");
            targets.add(new String[] {"headroom-" + ab, "http://127.0.0.1:" + abPort + "/v1/messages"});
        }
        Throughput.run(targets, dir, Integer.parseInt(System.getProperty("throughputRounds", "5")),
                Integer.parseInt(System.getProperty("throughputSeconds", "10")));
        proxy.destroy();
    }

    /**
     * The cost of new connections, measured apart: {@code rounds} times, each target gets {@code burst} requests at
     * once from a new client (so each opens its own connection), after a pause of {@code pauseMillis}.
     */
    private static void newConnections(List<String[]> targets, byte[] body, int burst, int rounds, long pauseMillis)
            throws Exception {
        List<List<Double>> ttfb = new ArrayList<>();
        targets.forEach(t -> ttfb.add(new ArrayList<>()));
        for (int round = 0; round < rounds; round++) {
            for (int i = 0; i < targets.size(); i++) {
                Thread.sleep(pauseMillis);
                ttfb.get(i).addAll(TtfbClient.measure(targets.get(i)[1], body, burst, burst));
            }
        }
        System.out.printf(Locale.ROOT, "  new connections, %d opened at once, %d times (TTFB ms):", burst, rounds);
        for (int i = 0; i < targets.size(); i++) {
            System.out.printf(Locale.ROOT, " %s p50 %.3f max %.3f;", targets.get(i)[0], TtfbClient.percentile(ttfb.get(i), 50),
                    TtfbClient.percentile(ttfb.get(i), 100));
        }
        System.out.println();
    }

    /**
     * Holds {@code n} streams open at once through a second proxy whose upstream sends 30 events 500 ms apart
     * (each stream lives about 15 s), in {@code -Dwaves} rounds (2 by default: a second round that peaks where the
     * first did shows memory is flat, not growing per stream served), and samples the proxy's resident memory and
     * thread count every 250 ms meanwhile.
     */
    private static void holdStreams(Path launcher, Path work, byte[] body, int n, List<Process> processes) throws Exception {
        int waves = Integer.parseInt(System.getProperty("waves", "2"));
        try (SseUpstream slow = new SseUpstream(30, 500)) {
            int port = freePort();
            Process proxy = proxy(launcher, work.resolve("home-streams"), port, slow.port())
                    .redirectErrorStream(true).redirectOutput(work.resolve("proxy-streams.log").toFile()).start();
            processes.add(proxy);
            awaitLive("http://127.0.0.1:" + port + "/livez");
            long pid = proxy.pid();
            sleep(2_000); // startup work (JIT, lazy init) settles first
            System.out.printf(Locale.ROOT, "%d concurrent open streams through headroom, %d rounds; proxy RSS idle %d MB%n",
                    n, waves, ProcessProbe.procStatus(pid, "VmRSS:") / 1024);
            for (int wave = 1; wave <= waves; wave++) {
                long start = System.nanoTime();
                List<Double> ttfb;
                AtomicInteger open = new AtomicInteger();
                try (RssSampler sampler = new RssSampler(pid, open::get)) {
                    ttfb = TtfbClient.measure(List.of(new TtfbClient.Call("http://127.0.0.1:" + port + "/v1/messages",
                            body, TtfbClient.Call.ANTHROPIC)), n, n, open);
                    System.out.printf(Locale.ROOT, "  round %d: completed %d in %.1f s, TTFB p50 %.1f ms p99 %.1f ms; "
                                    + "RSS peak %d MB, steady %d MB (median while >= 90%% of the streams were open), "
                                    + "%d threads at most; RSS each second (MB): %s%n", wave, ttfb.size(),
                            (System.nanoTime() - start) / 1e9, TtfbClient.percentile(ttfb, 50),
                            TtfbClient.percentile(ttfb, 99), sampler.peakKb() / 1024, sampler.steadyKb(n * 9 / 10) / 1024,
                            sampler.peakThreads(), sampler.perSecondMb());
                }
            }
            sleep(3_000);
            System.out.printf(Locale.ROOT, "  after the rounds: RSS %d MB, %d threads%n",
                    ProcessProbe.procStatus(pid, "VmRSS:") / 1024, ProcessProbe.procStatus(pid, "Threads:"));
        }
    }

    static double median(double[] values) {
        double[] sorted = values.clone();
        java.util.Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    /** The median of the paired differences {@code a[k] - b[k]}. */
    static double medianDiff(double[] a, double[] b) {
        double[] d = new double[a.length];
        for (int k = 0; k < a.length; k++) {
            d[k] = a[k] - b[k];
        }
        return median(d);
    }

    private static String diffs(double[] a, double[] b) {
        StringBuilder out = new StringBuilder();
        for (int k = 0; k < a.length; k++) {
            out.append(k == 0 ? "" : " ").append(String.format(Locale.ROOT, "%+.2f", a[k] - b[k]));
        }
        return out.toString();
    }

    /** A proxy on {@code port} in front of the fake upstream for both providers, with its own store in {@code home}. */
    private static ProcessBuilder proxy(Path launcher, Path home, int port, int upstreamPort) {
        String up = "http://127.0.0.1:" + upstreamPort;
        List<String> command = new ArrayList<>(List.of(launcher.toString(), "proxy", "--port", String.valueOf(port),
                "--anthropic-api-url", up, "--openai-api-url", up));
        String extra = System.getProperty("proxyArgs", "").trim(); // e.g. -DproxyArgs=--no-request-log
        if (!extra.isEmpty()) {
            command.addAll(List.of(extra.split("\\s+")));
        }
        ProcessBuilder pb = new ProcessBuilder(command);
        // -DproxyEnv=NAME=value,NAME=value sets the proxy's environment (e.g. the upstream client of an A/B)
        for (String kv : System.getProperty("proxyEnv", "").split(",")) {
            if (kv.contains("=")) {
                pb.environment().put(kv.substring(0, kv.indexOf('=')), kv.substring(kv.indexOf('=') + 1));
            }
        }
        // a fresh store per run: the user's own ledger, log and memo stay out of the figures (and free of bench rows)
        pb.environment().put("HEADROOM_HOME", home.toString());
        return pb;
    }

    private static String startNginx(Path work, int upstreamPort, List<Process> processes) throws IOException {
        Path bin = Path.of("/usr/sbin/nginx");
        if (!Files.isExecutable(bin)) {
            System.out.println("(nginx not installed: apt-get install -y nginx-light to compare against it)");
            return null;
        }
        int port = freePort();
        Files.createDirectories(work.resolve("logs"));
        String conf = "worker_processes 1; daemon off; pid " + work.resolve("nginx.pid") + ";\n"
                + "error_log " + work.resolve("logs/error.log") + ";\n"
                + "events { worker_connections 4096; }\n"
                + "http { access_log off; client_body_temp_path " + work + "; proxy_temp_path " + work + ";\n"
                + "  upstream up { server 127.0.0.1:" + upstreamPort + "; keepalive 64; }\n"
                + "  server { listen 127.0.0.1:" + port + ";\n"
                + "    location / { proxy_pass http://up; proxy_http_version 1.1; proxy_set_header Connection \"\";\n"
                + "      proxy_buffering off; proxy_request_buffering off; } } }\n";
        Path file = work.resolve("nginx.conf");
        Files.writeString(file, conf);
        processes.add(new ProcessBuilder(bin.toString(), "-c", file.toString(), "-p", work.toString())
                .redirectErrorStream(true).redirectOutput(work.resolve("nginx.out").toFile()).start());
        awaitPort(port);
        return "http://127.0.0.1:" + port + "/v1/messages";
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    private static void awaitPort(int port) throws IOException {
        long deadline = System.currentTimeMillis() + 10_000;
        while (System.currentTimeMillis() < deadline) {
            try (java.net.Socket s = new java.net.Socket("127.0.0.1", port)) {
                return;
            } catch (IOException e) {
                sleep(100);
            }
        }
        throw new IOException("nothing listens on port " + port);
    }

    private static void awaitLive(String url) throws Exception {
        HttpClient c = HttpClient.newHttpClient();
        long deadline = System.currentTimeMillis() + 60_000;
        while (System.currentTimeMillis() < deadline) {
            try {
                if (c.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not up yet
            }
            sleep(200);
        }
        throw new IOException("the proxy did not answer " + url + " within 60 s");
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
