package dev.headroom.testsupport;

/** The three wire APIs the fake upstream answers. */
public enum Api {
    /** POST /v1/messages (Claude Code, anthropic-java, LangChain4j, Spring AI). */
    ANTHROPIC,
    /** POST /v1/chat/completions. */
    CHAT,
    /** POST /v1/responses (Codex, openai-java). */
    RESPONSES;

    /** The API a request path belongs to (prefixes such as /some/prefix/v1/messages are kept by clients), or null. */
    public static Api forPath(String path) {
        if (path.endsWith("/v1/messages") || path.endsWith("/messages")) {
            return ANTHROPIC;
        }
        if (path.endsWith("/chat/completions")) {
            return CHAT;
        }
        if (path.endsWith("/responses")) {
            return RESPONSES;
        }
        return null;
    }
}
