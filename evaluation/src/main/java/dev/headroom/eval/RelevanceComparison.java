package dev.headroom.eval;

import dev.headroom.engine.CompressionMode;
import dev.headroom.engine.HeadroomEngine;
import dev.headroom.engine.UnitReport;
import dev.headroom.engine.ccr.ContentHash;
import dev.headroom.engine.format.WireFormat;
import dev.headroom.engine.relevance.RelevanceScorer;
import dev.headroom.engine.tokens.TokenCounter;
import dev.headroom.engine.tokens.TokenCounters;
import dev.headroom.prose.relevance.MiniLmRelevance;
import dev.headroom.prose.relevance.MiniLmScorer;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The needle evaluation once per relevance scorer (BM25, MiniLM, hybrid, and the two MiniLM ones without their
 * request-time caps), in balanced mode: how many needles stay verbatim (readable without a retrieval round trip,
 * which is what the scorer decides), how many are only retrievable, the engine's time per request (median and
 * p99), and the token savings on tool outputs. Needles from {@code examples/requests/needles-paraphrased-*.json}
 * are counted apart: their questions share no word with the rows that answer them.
 *
 * <p>Run: {@code evaluation/report.sh} (after the savings report; {@code --no-relevance} skips it).
 */
public final class RelevanceComparison {

    /** One scorer's figures. */
    public record Figures(String label, int needles, int verbatim, int retrievable, int lost, int paraphrased,
                          int paraphrasedVerbatim, long[] requestNanos, long[] freshNanos, long tokensBefore,
                          long tokensAfter, int overBudget, String counters) {

        double medianMillis(long[] nanos) {
            return percentile(nanos, 50);
        }

        double savedShare() {
            return tokensBefore == 0 ? 0 : (double) (tokensBefore - tokensAfter) / tokensBefore;
        }
    }

    /** The engine budget for the "no caps" runs: long enough that no request is sent uncompressed for time. */
    private static final long NO_BUDGET = 600_000L;

    private RelevanceComparison() {
    }

    static boolean paraphrased(Session s) {
        return s.id().startsWith("example:needles-paraphrased");
    }

    /** Replays every session with {@code scorer} installed and judges every needle. */
    public static Figures run(String label, RelevanceScorer scorer, List<Session> sessions) throws Exception {
        return run(label, scorer, sessions, 0);
    }

    /**
     * Like {@link #run(String, RelevanceScorer, List)}; a positive {@code timeBudgetMillis} replaces the engine's
     * 2 s per-request budget (to see what a slow scorer would find if time were free).
     */
    public static Figures run(String label, RelevanceScorer scorer, List<Session> sessions, long timeBudgetMillis)
            throws Exception {
        SessionReplay replay = new SessionReplay(CompressionMode.BALANCED, e -> {
            HeadroomEngine engine = OptionalEngines.register(e).withRelevance(scorer);
            return timeBudgetMillis > 0
                    ? engine.withSettings(engine.settings().withTimeBudgetMillis(timeBudgetMillis)) : engine;
        });
        int overBudget = 0;
        int needles = 0;
        int verbatim = 0;
        int retrievable = 0;
        int lost = 0;
        int para = 0;
        int paraVerbatim = 0;
        List<Long> all = new ArrayList<>();
        List<Long> fresh = new ArrayList<>();
        long before = 0;
        long after = 0;
        for (Session s : sessions) {
            SessionReplay.Replayed r = replay.replay(s);
            Set<String> seen = new HashSet<>();
            for (SessionReplay.Turn t : r.turns()) {
                all.add(t.result().elapsedNanos());
                String why = t.result().passthroughReason();
                overBudget += why != null && why.startsWith("time budget") ? 1 : 0;
                if (t.result().units().stream().anyMatch(u -> !u.memoHit() && !u.contentType().isEmpty())) {
                    fresh.add(t.result().elapsedNanos());
                }
                TokenCounter counter = TokenCounters.forModel(t.result().model(), t.result().format() == WireFormat.ANTHROPIC);
                for (UnitReport u : t.result().units()) {
                    if (seen.add(ContentHash.of(u.original()))) {
                        long b = counter.count(u.original());
                        before += b;
                        after += u.compressed() ? counter.count(u.result()) : b;
                    }
                }
            }
            for (String needle : s.needles()) {
                NeedleEvaluation.Outcome o = NeedleEvaluation.outcome(r, needle);
                if (o == NeedleEvaluation.Outcome.ABSENT_FROM_ORIGINAL) {
                    continue;
                }
                needles++;
                verbatim += o == NeedleEvaluation.Outcome.VERBATIM ? 1 : 0;
                retrievable += o == NeedleEvaluation.Outcome.RETRIEVABLE ? 1 : 0;
                lost += o == NeedleEvaluation.Outcome.LOST ? 1 : 0;
                if (paraphrased(s)) {
                    para++;
                    paraVerbatim += o == NeedleEvaluation.Outcome.VERBATIM ? 1 : 0;
                }
            }
        }
        String counters = scorer instanceof MiniLmScorer m ? m.counters() : "";
        return new Figures(label, needles, verbatim, retrievable, lost, para, paraVerbatim, toArray(all), toArray(fresh),
                before, after, overBudget, counters);
    }

    private static long[] toArray(List<Long> values) {
        long[] out = values.stream().mapToLong(Long::longValue).toArray();
        Arrays.sort(out);
        return out;
    }

    /** Nearest-rank percentile of sorted nanoseconds, in milliseconds. */
    static double percentile(long[] sorted, double p) {
        if (sorted.length == 0) {
            return 0;
        }
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))] / 1e6;
    }

    /**
     * MiniLM's own cost, measured on {@code rows} after a warm-up: {wall, CPU of the calling thread} milliseconds
     * to embed 100 rows. CPU time says what the model costs on an idle core; wall time what it cost under this
     * machine's load.
     */
    static double[] minilmMillisPer100Rows(MiniLmRelevance model, List<String> rows) {
        model.embed(rows.subList(0, Math.min(64, rows.size())));
        java.lang.management.ThreadMXBean cpu = java.lang.management.ManagementFactory.getThreadMXBean();
        long c0 = cpu.getCurrentThreadCpuTime();
        long t0 = System.nanoTime();
        model.embed(rows);
        double wall = (System.nanoTime() - t0) / 1e6 * 100.0 / rows.size();
        double cpuMs = (cpu.getCurrentThreadCpuTime() - c0) / 1e6 * 100.0 / rows.size();
        return new double[] {wall, cpuMs};
    }

    /** Up to {@code max} non-blank lines of the sessions' first tool outputs: real rows to time the model on. */
    static List<String> sampleRows(List<Session> sessions, int max) throws Exception {
        List<String> rows = new ArrayList<>();
        SessionReplay replay = new SessionReplay(CompressionMode.LOSSLESS);
        for (Session s : sessions) {
            if (s.turns().isEmpty()) {
                continue;
            }
            SessionReplay.Replayed r = replay.replay(new Session(s.id(), s.client(), List.of(s.turns().get(0)), List.of()));
            for (UnitReport u : r.turns().get(0).result().units()) {
                for (String line : u.original().split("\n")) {
                    if (line.strip().length() >= 20 && rows.size() < max) {
                        rows.add(line.strip());
                    }
                }
            }
        }
        return rows;
    }

    public static void main(String[] args) throws Exception {
        print(SessionCorpus.load(Path.of(args.length > 0 ? args[0] : ".").toAbsolutePath().normalize()));
    }

    /** Prints the comparison over {@code sessions}: counts and timings only, never a needle or an output. */
    public static void print(List<Session> sessions) throws Exception {
        System.out.printf(Locale.ROOT, "%n== relevance scorers on the needle evaluation (balanced mode), %d cores ==%n",
                Runtime.getRuntime().availableProcessors());
        if (!MiniLmRelevance.bundled()) {
            System.out.println("  all-MiniLM-L6-v2 is not on the class path: BM25 only.");
        }
        List<Object[]> configs = new ArrayList<>();
        configs.add(new Object[] {"bm25", RelevanceScorer.bm25()});
        if (MiniLmRelevance.bundled()) {
            configs.add(new Object[] {"minilm", ready(MiniLmScorer.start(MiniLmScorer.Mode.MINILM))});
            configs.add(new Object[] {"hybrid", ready(MiniLmScorer.start(MiniLmScorer.Mode.HYBRID))});
            configs.add(new Object[] {"minilm, no caps", ready(uncapped(MiniLmScorer.Mode.MINILM)), NO_BUDGET});
            configs.add(new Object[] {"minilm, no caps, 2 s", ready(uncapped(MiniLmScorer.Mode.MINILM))});
            configs.add(new Object[] {"hybrid, no caps", ready(uncapped(MiniLmScorer.Mode.HYBRID)), NO_BUDGET});
        }
        run("warm-up", RelevanceScorer.bm25(), sessions); // JIT, so the first scorer is not charged for it
        List<Figures> figures = new ArrayList<>();
        for (Object[] c : configs) {
            figures.add(run((String) c[0], (RelevanceScorer) c[1], sessions, c.length > 2 ? (Long) c[2] : 0));
        }
        System.out.printf(Locale.ROOT, "  %-20s %9s %11s %5s %12s %22s %24s %7s %6s%n", "scorer", "verbatim", "retrievable", "lost",
                "paraphrased", "ms/request p50 / p99", "fresh p50 / p99 / max", "saved", ">2s");
        for (Figures f : figures) {
            System.out.printf(Locale.ROOT, "  %-20s %4d/%-4d %11d %5d %7d/%-4d %10.2f / %-9.2f %7.1f / %6.1f / %-7.1f %6.1f%% %4d/%d%n",
                    f.label(), f.verbatim(), f.needles(), f.retrievable(), f.lost(), f.paraphrasedVerbatim(), f.paraphrased(),
                    percentile(f.requestNanos(), 50), percentile(f.requestNanos(), 99),
                    percentile(f.freshNanos(), 50), percentile(f.freshNanos(), 99), percentile(f.freshNanos(), 100),
                    100 * f.savedShare(), f.overBudget(), f.requestNanos().length);
        }
        System.out.println("  verbatim = needle readable in the compressed request; retrievable = only through a marker's hash;"
                + " paraphrased = verbatim among the needles whose question shares no word with them; fresh = requests with"
                + " a unit decided afresh (not from the memo); >2s = requests sent uncompressed because compression overran"
                + " the engine's 2 s budget (the \"no caps\" runs lift that budget and the scorer's own caps)");
        for (Figures f : figures) {
            if (!f.counters().isEmpty()) {
                System.out.println("  " + f.label() + ": " + f.counters());
            }
        }
        if (MiniLmRelevance.bundled()) {
            try (MiniLmRelevance model = MiniLmRelevance.loadBundled()) {
                List<String> rows = sampleRows(sessions, 500);
                double[] ms = minilmMillisPer100Rows(model, rows);
                System.out.printf(Locale.ROOT, "  MiniLM int8 alone: %.1f ms per 100 rows wall, %.1f ms CPU (%d real rows,"
                        + " batches of 32, 1 intra-op thread; load average %.1f)%n", ms[0], ms[1], rows.size(),
                        java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
            }
        }
    }

    private static MiniLmScorer uncapped(MiniLmScorer.Mode mode) {
        return new MiniLmScorer(mode, Integer.MAX_VALUE, 3_600_000).startInBackground();
    }

    private static MiniLmScorer ready(MiniLmScorer scorer) throws InterruptedException {
        if (!scorer.awaitReady(120_000)) {
            throw new IllegalStateException(scorer.status());
        }
        return scorer;
    }
}
