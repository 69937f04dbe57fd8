package dev.headroom.engine.tokens;

import java.util.Locale;

/** Picks the counter for a model name. */
public final class TokenCounters {

    private TokenCounters() {
    }

    /**
     * {@code claude*} (and unknown Anthropic-format requests) use {@link ClaudeTokenEstimate};
     * {@code gpt-3.5*}, {@code gpt-4} and {@code gpt-4-*} (not 4o/4.1) use cl100k_base;
     * every other model, including gpt-4o, gpt-4.1, gpt-5 and o-series, uses o200k_base.
     */
    public static TokenCounter forModel(String model, boolean anthropicFormat) {
        String m = model == null ? "" : model.toLowerCase(Locale.ROOT);
        if (m.startsWith("claude") || m.contains("anthropic") || (m.isEmpty() && anthropicFormat)) {
            return new ClaudeTokenEstimate();
        }
        if (m.startsWith("gpt-3.5") || m.equals("gpt-4") || (m.startsWith("gpt-4-") && !m.startsWith("gpt-4-o"))
                || m.startsWith("text-embedding")) {
            return JtokkitCounter.cl100k();
        }
        return JtokkitCounter.o200k();
    }
}
