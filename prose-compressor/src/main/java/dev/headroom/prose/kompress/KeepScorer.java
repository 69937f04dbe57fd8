package dev.headroom.prose.kompress;

import java.util.List;

/** Scores words for keeping: a probability-like value per word, kept when above 0.5. */
public interface KeepScorer {

    /**
     * One score per word, or null when the words do not fit in one model window (the caller then splits
     * them). Implementations may be called from one thread at a time only.
     */
    float[] scoreWords(List<String> words);
}
