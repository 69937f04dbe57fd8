package dev.headroom.prose.kompress;

/**
 * The Kompress algorithm over a {@link KeepScorer}: split into words, score chunks of
 * {@value #CHUNK_WORDS} words (halving a chunk that does not fit the model window instead of losing its
 * tail, as the reference does), keep words scoring above {@value #THRESHOLD} and every
 * {@link MustKeep} word, and join the kept words with the original line breaks.
 */
public final class KompressPipeline {

    public static final int CHUNK_WORDS = 350;
    public static final float THRESHOLD = 0.5f;
    /** Texts with fewer words are left alone, as in the reference. */
    public static final int MIN_WORDS = 10;

    /** What the pipeline decided. {@code text} is null when every word was kept. */
    public record Outcome(String text, int words, int kept, boolean timedOut) {

        public int dropped() {
            return words - kept;
        }
    }

    private final KeepScorer scorer;

    public KompressPipeline(KeepScorer scorer) {
        this.scorer = scorer;
    }

    /**
     * Compresses {@code text}; chunks not scored by {@code deadlineNanos} ({@link System#nanoTime()}) are
     * kept verbatim. Returns null for texts under {@value #MIN_WORDS} words.
     */
    public Outcome run(String text, long deadlineNanos) {
        Words words = Words.of(text);
        int n = words.size();
        if (n < MIN_WORDS) {
            return null;
        }
        boolean[] keep = new boolean[n];
        boolean timedOut = false;
        for (int from = 0; from < n; from += CHUNK_WORDS) {
            int to = Math.min(n, from + CHUNK_WORDS);
            if (System.nanoTime() - deadlineNanos > 0) {
                timedOut = true;
                java.util.Arrays.fill(keep, from, n, true);
                break;
            }
            decide(words, from, to, keep);
        }
        int kept = 0;
        for (int i = 0; i < n; i++) {
            if (!keep[i] && MustKeep.matches(words.get(i))) {
                keep[i] = true;
            }
            if (keep[i]) {
                kept++;
            }
        }
        return new Outcome(kept == n ? null : words.join(keep), n, kept, timedOut);
    }

    private void decide(Words words, int from, int to, boolean[] keep) {
        float[] scores = scorer.scoreWords(words.slice(from, to));
        if (scores == null) {
            if (to - from == 1) {
                keep[from] = true; // a single word longer than the window: keep it rather than guess
                return;
            }
            int mid = (from + to) >>> 1;
            decide(words, from, mid, keep);
            decide(words, mid, to, keep);
            return;
        }
        for (int i = from; i < to; i++) {
            keep[i] = scores[i - from] > THRESHOLD;
        }
    }
}
