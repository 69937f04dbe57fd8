package dev.headroom.engine.tokens;

/** Counts tokens of text. Implementations are thread-safe. */
public interface TokenCounter {

    int count(String text);

    /** What was used, for honest reports: e.g. {@code o200k_base}, {@code claude~cl100k_base*1.10}. */
    String label();

    /** True when the count is an estimate rather than the provider's own tokenizer. */
    boolean estimate();
}
