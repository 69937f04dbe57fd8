package dev.headroom.prose.relevance;

import dev.headroom.engine.relevance.QueryTerms;
import dev.headroom.engine.relevance.RelevanceScorer;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A {@link RelevanceScorer} on the int8 all-MiniLM-L6-v2 sentence encoder ({@link MiniLmRelevance}): the cosine
 * of the question's embedding with each row's, or, as {@code hybrid}, that plus BM25 (which keeps exact words,
 * ids and error codes winning while the model adds rows that answer the question in other words).
 *
 * <p>Never on the request's critical path for long: the model loads on a daemon thread ({@link #start}) and
 * the scorer declines (null, so the engine uses BM25) until it is ready, for sets of more than
 * {@link #maxRows} rows, for sets its measured cost per row says would overrun {@link #budgetMillis}, and as
 * soon as embedding the rows does overrun it. The cost per row is measured on this machine (at load, then
 * on every call), so which units MiniLM ranks depends on the machine and its load; each unit's decision is
 * memoized, so it still never changes from one turn to the next. Rows are cut to
 * {@value #MAX_ROW_CHARS} characters before tokenizing and to {@link MiniLmRelevance#MAX_TOKENS} tokens by the
 * tokenizer. Declines are counted so reports can say how often the model really ranked.
 */
public final class MiniLmScorer implements RelevanceScorer {

    /** Which scores to return. */
    public enum Mode {
        MINILM, HYBRID;

        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** Cosines below this are unrelated text (MiniLM puts unrelated sentences around 0-0.2): scored 0. */
    public static final double FLOOR = 0.2;
    /** Characters of a row that are tokenized (the tokenizer keeps 128 tokens of them). */
    public static final int MAX_ROW_CHARS = 1000;
    /** Larger sets go to BM25: at about 0.8 ms a row on one core, 500 rows already take a quarter of the 2 s request budget. */
    public static final int DEFAULT_MAX_ROWS = 500;
    /** Per call: a request's units share the engine's 2 s budget, and the proxy aims at a few ms in all. */
    public static final long DEFAULT_BUDGET_MILLIS = 250;

    private final Mode mode;
    private final int maxRows;
    private final long budgetMillis;
    private volatile MiniLmRelevance model;
    private volatile String status = "not started";
    private Thread loader;
    private volatile CachedQuery lastQuery;
    /** Measured embedding cost, nanoseconds per row (moving average). */
    private volatile double nanosPerRow;

    private final AtomicLong scored = new AtomicLong();
    private final AtomicLong declined = new AtomicLong();
    private final AtomicLong rows = new AtomicLong();
    private final AtomicLong nanos = new AtomicLong();

    private record CachedQuery(String text, float[] vector) {
    }

    public MiniLmScorer(Mode mode, int maxRows, long budgetMillis) {
        this.mode = mode;
        this.maxRows = maxRows;
        this.budgetMillis = budgetMillis;
    }

    /** A scorer whose model starts loading on a daemon thread now; it ranks with BM25 until the model is ready. */
    public static MiniLmScorer start(Mode mode) {
        return new MiniLmScorer(mode, DEFAULT_MAX_ROWS, DEFAULT_BUDGET_MILLIS).startInBackground();
    }

    /** {@code minilm} or {@code hybrid} to its mode; anything else is not a MiniLM scorer. */
    public static Mode parse(String name) {
        for (Mode m : Mode.values()) {
            if (m.label().equals(name == null ? "" : name.trim().toLowerCase(Locale.ROOT))) {
                return m;
            }
        }
        throw new IllegalArgumentException("not a MiniLM scorer: " + name);
    }

    /** Loads the bundled model on a daemon thread; idempotent. */
    public synchronized MiniLmScorer startInBackground() {
        if (loader == null) {
            status = "loading all-MiniLM-L6-v2 (int8)";
            loader = new Thread(this::load, "headroom-minilm-loader");
            loader.setDaemon(true);
            loader.start();
        }
        return this;
    }

    /** Waits up to {@code millis} for the model; true when it is ready. For tools and tests, never requests. */
    public boolean awaitReady(long millis) throws InterruptedException {
        Thread t;
        synchronized (this) {
            t = loader;
        }
        if (t != null) {
            t.join(Math.max(1, millis));
        }
        return model != null;
    }

    private void load() {
        long t0 = System.nanoTime();
        try {
            MiniLmRelevance m = MiniLmRelevance.loadBundled();
            List<String> sample = new ArrayList<>();
            for (int i = 0; i < 32; i++) {
                sample.add("2026-01-01T00:00:" + i + " INFO worker-" + i + " processed batch " + (i * 37) + " in " + i + " ms");
            }
            m.embed(sample.subList(0, 4)); // first run allocates
            long c0 = System.nanoTime();
            m.embed(sample);
            nanosPerRow = (System.nanoTime() - c0) / (double) sample.size();
            model = m;
            status = String.format(Locale.ROOT, "ready: all-MiniLM-L6-v2 (int8) loaded in %d ms",
                    (System.nanoTime() - t0) / 1_000_000);
        } catch (Exception | LinkageError e) {
            status = "unavailable (" + e.getMessage() + "); rows are ranked with BM25";
        }
    }

    @Override
    public String name() {
        return mode.label();
    }

    /** What the scorer is doing, for {@code doctor} and reports. */
    public String status() {
        return "relevance scorer " + name() + ": " + status;
    }

    @Override
    public double[] scores(List<? extends CharSequence> texts, QueryTerms query, double maxTermShare) {
        MiniLmRelevance m = model;
        if (m == null || texts.size() > maxRows || query.text().isBlank()) {
            declined.incrementAndGet();
            return null;
        }
        if (texts.size() * nanosPerRow > budgetMillis * 1_000_000.0) {
            declined.incrementAndGet(); // would overrun: do not spend the budget finding out
            return null;
        }
        long start = System.nanoTime();
        long deadline = start + budgetMillis * 1_000_000L;
        float[] q = queryVector(m, query.text());
        List<String> cut = new ArrayList<>(texts.size());
        for (CharSequence t : texts) {
            cut.add(t.length() > MAX_ROW_CHARS ? t.subSequence(0, MAX_ROW_CHARS).toString() : t.toString());
        }
        List<float[]> vectors = m.embed(cut, deadline);
        long spent = System.nanoTime() - start;
        double perRow = spent / (double) texts.size();
        if (vectors == null) {
            // Only part of the rows were embedded in that time: the real cost is higher than perRow.
            nanosPerRow = Math.max(nanosPerRow, 2 * perRow);
            declined.incrementAndGet();
            return null;
        }
        nanosPerRow = 0.7 * nanosPerRow + 0.3 * perRow;
        double[] out = new double[texts.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = semantic(MiniLmRelevance.dot(q, vectors.get(i)));
        }
        if (mode == Mode.HYBRID) {
            double[] bm25 = RelevanceScorer.bm25().scores(texts, query, maxTermShare);
            double best = 0;
            for (double b : bm25) {
                best = Math.max(best, b);
            }
            for (int i = 0; i < out.length && best > 0; i++) {
                out[i] += bm25[i] / best;
            }
        }
        scored.incrementAndGet();
        rows.addAndGet(texts.size());
        nanos.addAndGet(System.nanoTime() - start);
        return out;
    }

    /** A cosine mapped to [0, 1]: 0 up to {@link #FLOOR}, linear above. */
    static double semantic(double cosine) {
        return Math.max(0, (cosine - FLOOR) / (1 - FLOOR));
    }

    /** The question's embedding; the last one is cached, since every unit of a request asks the same question. */
    private float[] queryVector(MiniLmRelevance m, String text) {
        CachedQuery c = lastQuery;
        if (c != null && c.text().equals(text)) {
            return c.vector();
        }
        float[] v = m.embed(List.of(text)).get(0);
        lastQuery = new CachedQuery(text, v);
        return v;
    }

    /** Calls ranked by the model, calls declined (to BM25), rows embedded and time spent, for reports. */
    public String counters() {
        long n = rows.get();
        return String.format(Locale.ROOT, "%d calls ranked by %s, %d declined to BM25 (loading, > %d rows or over %d ms);"
                        + " %d rows embedded, %.1f ms per 100 rows", scored.get(), name(), declined.get(),
                maxRows, budgetMillis, n, n == 0 ? 0.0 : nanos.get() / 1e6 * 100.0 / n);
    }

    public long declinedCalls() {
        return declined.get();
    }

    @Override
    public String toString() {
        return status();
    }
}
