package dev.headroom.bench.proxy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Pass-through throughput and latency under load, nginx and headroom side by side in one run, both in front of the
 * same nginx upstream that answers every POST at once with a short Anthropic event stream (so the upstream costs
 * next to nothing and the figures are the proxies'). Two loads per round, each round visiting both proxies:
 * saturation ({@code wrk}, 50 connections, requests/s) and a fixed 500 requests/s ({@code hey}, 50 connections,
 * latency p50/p99). Medians over the rounds; headroom's ratio and differences are medians of the paired rounds.
 */
final class Throughput {

    private static final Pattern WRK_RPS = Pattern.compile("Requests/sec:\\s+([0-9.]+)");
    private static final Pattern HEY_PCT = Pattern.compile("\\s+(50|99)%% in ([0-9.]+) secs".replace("%%", "%"));

    private Throughput() {
    }

    static boolean available() {
        return Files.isExecutable(Path.of("/usr/bin/wrk")) && Files.isExecutable(Path.of("/usr/bin/hey"));
    }

    /** Runs {@code rounds} paired rounds against {@code targets} (name, URL), nginx first; prints the figures. */
    static void run(List<String[]> targets, Path work, int rounds, int seconds) throws Exception {
        byte[] body = ("{\"model\":\"claude-sonnet-4-5\",\"max_tokens\":64,\"stream\":true,"
                + "\"messages\":[{\"role\":\"user\",\"content\":\"hello\"}]}").getBytes(java.nio.charset.StandardCharsets.UTF_8);
        Path bodyFile = work.resolve("body.json");
        Files.write(bodyFile, body);
        Path lua = work.resolve("post.lua");
        Files.writeString(lua, "wrk.method = \"POST\"\nwrk.body = io.open(\"" + bodyFile + "\"):read(\"*a\")\n"
                + "wrk.headers[\"Content-Type\"] = \"application/json\"\nwrk.headers[\"x-api-key\"] = \"sk-ant-bench\"\n"
                + "wrk.headers[\"anthropic-version\"] = \"2023-06-01\"\n");
        int n = targets.size();
        double[][] rps = new double[n][rounds];
        double[][] p50 = new double[n][rounds];
        double[][] p99 = new double[n][rounds];
        // warm-up: the proxy's JIT (on 2 busy cores it was still compiling after a few seconds), nginx's pool
        int warmup = Integer.parseInt(System.getProperty("throughputWarmup", "15"));
        for (String[] t : targets) {
            wrk(lua, t[1], warmup);
            hey(bodyFile, t[1], 3);
        }
        for (int r = 0; r < rounds; r++) {
            for (int i = 0; i < n; i++) {
                rps[i][r] = wrk(lua, targets.get(i)[1], seconds);
                double[] lat = hey(bodyFile, targets.get(i)[1], seconds);
                p50[i][r] = lat[0];
                p99[i][r] = lat[1];
            }
        }
        System.out.printf(Locale.ROOT, "Throughput, %d paired rounds of %d s (upstream: nginx, instant SSE)%n", rounds, seconds);
        for (int i = 0; i < n; i++) {
            System.out.printf(Locale.ROOT, "  %-9s saturation %8.0f req/s (rounds %s); at 500 req/s p50 %.3f ms p99 %.3f ms%n",
                    targets.get(i)[0], ProxyOverheadBench.median(rps[i]), list(rps[i], "%.0f"),
                    ProxyOverheadBench.median(p50[i]), ProxyOverheadBench.median(p99[i]));
        }
        for (int h = 1; h < n; h++) {
            double[] ratio = new double[rounds];
            for (int r = 0; r < rounds; r++) {
                ratio[r] = 100 * rps[h][r] / rps[0][r];
            }
            System.out.printf(Locale.ROOT, "  %s / nginx at saturation: %.0f %% (rounds %s; goal >= 50 %%)%n",
                    targets.get(h)[0], ProxyOverheadBench.median(ratio), list(ratio, "%.0f"));
            System.out.printf(Locale.ROOT, "  %s - nginx at 500 req/s: p50 %+.3f ms, p99 %+.3f ms (goal +1 / +5; "
                            + "rounds p50 %s, p99 %s)%n", targets.get(h)[0],
                    ProxyOverheadBench.medianDiff(p50[h], p50[0]), ProxyOverheadBench.medianDiff(p99[h], p99[0]),
                    diffs(p50[h], p50[0]), diffs(p99[h], p99[0]));
        }
    }

    private static double wrk(Path lua, String url, int seconds) throws Exception {
        String out = exec(List.of("wrk", "-t", "2", "-c", "50", "-d", seconds + "s", "-s", lua.toString(), url));
        Matcher m = WRK_RPS.matcher(out);
        if (out.contains("Non-2xx") || out.contains("Socket errors")) {
            throw new IOException("errors under load from " + url + ": " + out);
        }
        if (!m.find()) {
            throw new IOException("no Requests/sec in wrk's output: " + out);
        }
        return Double.parseDouble(m.group(1));
    }

    /** p50 and p99 in ms at 500 requests/s (50 connections, 10 requests/s each). */
    private static double[] hey(Path body, String url, int seconds) throws Exception {
        String out = exec(List.of("hey", "-z", seconds + "s", "-c", "50", "-q", "10", "-m", "POST",
                "-T", "application/json", "-H", "x-api-key: sk-ant-bench", "-H", "anthropic-version: 2023-06-01",
                "-D", body.toString(), url));
        double[] lat = new double[2];
        Matcher m = HEY_PCT.matcher(out);
        while (m.find()) {
            lat[m.group(1).equals("50") ? 0 : 1] = Double.parseDouble(m.group(2)) * 1000;
        }
        if (lat[0] == 0) {
            throw new IOException("no latency distribution in hey's output: " + out);
        }
        return lat;
    }

    private static String exec(List<String> command) throws Exception {
        Process p = new ProcessBuilder(new ArrayList<>(command)).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        p.waitFor();
        return out;
    }

    private static String diffs(double[] a, double[] b) {
        double[] d = new double[a.length];
        for (int k = 0; k < a.length; k++) {
            d[k] = a[k] - b[k];
        }
        return list(d, "%+.2f");
    }

    private static String list(double[] v, String fmt) {
        StringBuilder b = new StringBuilder();
        for (double d : v) {
            b.append(b.length() == 0 ? "" : " ").append(String.format(Locale.ROOT, fmt, d));
        }
        return b.toString();
    }
}
