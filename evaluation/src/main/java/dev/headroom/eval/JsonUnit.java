package dev.headroom.eval;

import dev.headroom.engine.tokens.TokenCounter;

/**
 * A JSON tool output's outside references: its payload minified (Jackson) and TOON-encoded, each counted with
 * the unit's wrapper text (a Codex header) added, so they compare with the tool output as a whole. TOON is
 * filled in later, by one node run for every JSON unit of the report.
 */
final class JsonUnit {

    private final String wrapper;
    private final TokenCounter counter;
    private String minified;
    private final long minifiedTokens;
    private long toonTokens = -1;

    JsonUnit(JsonPayload payload, TokenCounter counter) {
        this.wrapper = payload.wrapper();
        this.counter = counter;
        this.minified = payload.minified();
        this.minifiedTokens = counter.count(wrapper + minified);
    }

    String minified() {
        return minified;
    }

    long minifiedTokens() {
        return minifiedTokens;
    }

    /** Tokens of the wrapper and the TOON text, or -1 when TOON was not available. */
    long toonTokens() {
        return toonTokens;
    }

    /** Records the TOON encoding (null: none) and drops the minified text, which is no longer needed. */
    void toon(String encoded) {
        toonTokens = encoded == null ? -1 : counter.count(wrapper + encoded);
        minified = null;
    }
}
