package dev.headroom.proxy.upstream;

/** Who answers a request; decides the error shapes and the usage fields to read. */
public enum Provider {
    ANTHROPIC, OPENAI, CHATGPT;

    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
