package dev.headroom.cli.perf;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Aggregates request-log entries: totals, per model, per transform, time percentiles, cache hits, throughput. */
final class PerfReport {

    /** Sums for one model or transform. */
    static final class Sums {
        long requests;
        long before;
        long after;
        long saved;
        boolean savedKnown = true;

        double percent() {
            return before <= 0 ? 0 : 100.0 * saved / before;
        }
    }

    final Sums total = new Sums();
    final Map<String, Sums> byModel = new TreeMap<>();
    final Map<String, Sums> byTransform = new TreeMap<>();
    final List<Double> compressionMs = new ArrayList<>();
    final List<Double> overheadMs = new ArrayList<>();
    final List<Double> ttfbMs = new ArrayList<>();
    long cacheKnown;
    long cacheHits;
    long cacheReadTokens;
    long cacheWriteTokens;
    long firstTs = Long.MAX_VALUE;
    long lastTs = Long.MIN_VALUE;

    void add(RequestLogEntry e) {
        add(total, e);
        add(byModel.computeIfAbsent(e.model().isEmpty() ? "(unknown)" : e.model(), k -> new Sums()), e);
        for (RequestLogEntry.Transform t : e.transforms()) {
            Sums s = byTransform.computeIfAbsent(t.name(), k -> new Sums());
            s.requests++;
            if (t.saved() >= 0) {
                s.saved += t.saved();
            } else {
                s.savedKnown = false;
            }
        }
        if (!Double.isNaN(e.compressionMs())) {
            compressionMs.add(e.compressionMs());
        }
        if (!Double.isNaN(e.overheadMs())) {
            overheadMs.add(e.overheadMs());
        }
        if (!Double.isNaN(e.ttfbMs())) {
            ttfbMs.add(e.ttfbMs());
        }
        if (e.cacheHit() != null) {
            cacheKnown++;
            cacheHits += e.cacheHit() ? 1 : 0;
        }
        cacheReadTokens += e.cacheReadTokens();
        cacheWriteTokens += e.cacheWriteTokens();
        if (e.ts() > 0) {
            firstTs = Math.min(firstTs, e.ts());
            lastTs = Math.max(lastTs, e.ts());
        }
    }

    private static void add(Sums s, RequestLogEntry e) {
        s.requests++;
        s.before += Math.max(0, e.tokensBefore());
        s.after += Math.max(0, e.tokensAfter());
        s.saved += e.saved();
    }

    /** p50, p90, p99 and max, or an empty map without samples. */
    static Map<String, Double> percentiles(List<Double> samples) {
        Map<String, Double> m = new LinkedHashMap<>();
        if (samples.isEmpty()) {
            return m;
        }
        double[] v = samples.stream().mapToDouble(Double::doubleValue).toArray();
        Arrays.sort(v);
        m.put("p50", at(v, 0.50));
        m.put("p90", at(v, 0.90));
        m.put("p99", at(v, 0.99));
        m.put("max", v[v.length - 1]);
        return m;
    }

    private static double at(double[] sorted, double q) {
        int i = (int) Math.ceil(q * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, i))];
    }

    Double cacheHitPercent() {
        return cacheKnown == 0 ? null : 100.0 * cacheHits / cacheKnown;
    }

    /** Requests per hour over the span the log covers. */
    Double requestsPerHour() {
        if (total.requests < 2 || lastTs <= firstTs) {
            return null;
        }
        return total.requests * 3_600_000.0 / (lastTs - firstTs);
    }

    /** Input tokens compressed per second of compression time. */
    Double tokensPerCompressionSecond() {
        double ms = compressionMs.stream().mapToDouble(Double::doubleValue).sum();
        return ms <= 0 ? null : total.before * 1000.0 / ms;
    }
}
