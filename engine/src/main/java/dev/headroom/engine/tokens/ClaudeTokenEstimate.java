package dev.headroom.engine.tokens;

/**
 * Anthropic publishes no tokenizer for current Claude models. We estimate Claude tokens as the
 * cl100k_base count times 1.10, the calibration the reference product's proxy uses, and label every
 * figure made with it as an estimate. The provider's own {@code usage.input_tokens} (seen by the
 * proxy) remains the authority for billing.
 */
public final class ClaudeTokenEstimate implements TokenCounter {

    static final double FACTOR = 1.10;

    private final JtokkitCounter base = JtokkitCounter.cl100k();

    @Override
    public int count(String text) {
        return (int) Math.round(base.count(text) * FACTOR);
    }

    @Override
    public String label() {
        return "claude-estimate(cl100k_base*1.10)";
    }

    @Override
    public boolean estimate() {
        return true;
    }
}
