package dev.headroom.bench.proxy;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The latency compression adds to the recorded corpus requests, cold, memoized and on new content. */
final class CorpusLatency {

    private CorpusLatency() {
    }

    /**
     * The recorded Claude Code and Codex turns (real tool outputs, so the engine compresses them), one at a time
     * so the figure is the latency compression adds to a request, not the 2-core machine's throughput. The first
     * pass meets every body for the first time (a fresh store, nothing memoized); later passes resend them, as
     * every next turn of a real session resends the earlier ones.
     */
    static void run(Path dir, List<String[]> targets, int passes, int proxyPort) throws Exception {
        List<List<TtfbClient.Call>> calls = new ArrayList<>();
        for (String[] t : targets) {
            calls.add(RecordedCorpus.calls(dir, t[1].substring(0, t[1].indexOf("/v1/"))));
        }
        int n = calls.get(0).size();
        System.out.printf(Locale.ROOT, "Compression on corpus requests: %d recorded Claude Code and Codex turns, one "
                + "stream, TTFB (ms)%n", n);
        int h = targets.size() - 1;
        // 0: the first pass (a cold proxy meets every body); 1: the bodies again (memoized decisions, as every next
        // turn of a session resends the earlier ones); 2: new content on the now warm proxy (digits shifted: never
        // seen, same shapes), the cost of compressing a new tool output in a proxy that has been running
        String[] labels = {"first pass", "next " + passes + " passes", "new content, warm"};
        double[][] p50 = new double[labels.length][targets.size()];
        double[][] p99 = new double[labels.length][targets.size()];
        for (int phase = 0; phase < labels.length; phase++) {
            for (int i = 0; i < targets.size(); i++) {
                List<Double> t = new ArrayList<>();
                if (phase < 2) {
                    t.addAll(TtfbClient.measure(calls.get(i), 1, phase == 0 ? n : n * passes));
                } else {
                    for (int shift = 1; shift <= passes; shift++) {
                        t.addAll(TtfbClient.measure(RecordedCorpus.withNewContent(calls.get(i), shift), 1, n));
                    }
                }
                p50[phase][i] = TtfbClient.percentile(t, 50);
                p99[phase][i] = TtfbClient.percentile(t, 99);
            }
        }
        for (int phase = 0; phase < labels.length; phase++) {
            String label = labels[phase];
            for (int i = 0; i < targets.size(); i++) {
                System.out.printf(Locale.ROOT, "  %-17s %-9s p50 %7.3f  p99 %7.3f%n", label, targets.get(i)[0],
                        p50[phase][i], p99[phase][i]);
            }
            System.out.printf(Locale.ROOT, "  %-17s headroom added vs direct: p50 %+.3f ms, p99 %+.3f ms%n", label,
                    p50[phase][h] - p50[phase][0], p99[phase][h] - p99[phase][0]);
        }
        String stats = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + proxyPort
                + "/stats")).build(), HttpResponse.BodyHandlers.ofString()).body();
        java.util.regex.Matcher compressed = java.util.regex.Pattern.compile("\"compressed\"\\s*:\\s*(\\d+)").matcher(stats);
        java.util.regex.Matcher saved = java.util.regex.Pattern.compile("\"saved\"\\s*:\\s*(\\d+)").matcher(stats);
        System.out.printf(Locale.ROOT, "  the proxy compressed %s requests, %s tokens saved (its /stats)%n",
                compressed.find() ? compressed.group(1) : "?", saved.find() ? saved.group(1) : "?");
    }
}
