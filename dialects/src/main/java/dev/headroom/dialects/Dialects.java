package dev.headroom.dialects;

import java.util.Locale;

/**
 * The three dialects and the one place a request path is classified: which dialect a path speaks, and whether a
 * POST to it is a model call the engine may compress. (The proxy had three classifiers that disagreed at the
 * edges: {@code /v1/responses/abc} was Responses for errors, pass-through for compression and OpenAI for routing.)
 */
public final class Dialects {

    public static final Dialect ANTHROPIC = new AnthropicMessages();
    public static final Dialect CHAT = new ChatCompletions();
    public static final Dialect RESPONSES = new Responses();

    private Dialects() {
    }

    /**
     * The dialect of {@code path}: Anthropic for {@code /v1/messages...}, Responses for {@code .../responses...}
     * (also Codex's {@code /backend-api/codex/responses}), Chat for {@code .../chat/...}; for any other path the
     * caller's guess from the credentials ({@code anthropicAuth}) decides, since only the upstream knows it.
     */
    public static Dialect forPath(String path, boolean anthropicAuth) {
        String p = path.toLowerCase(Locale.ROOT);
        if (p.startsWith("/v1/messages")) {
            return ANTHROPIC;
        }
        if (isResponsesPath(p)) {
            return RESPONSES;
        }
        if (p.startsWith("/v1/chat/") || p.contains("/chat/completions")) {
            return CHAT;
        }
        return anthropicAuth ? ANTHROPIC : CHAT;
    }

    /** True for the Responses API and its sub-resources, including Codex's ChatGPT-account paths. */
    public static boolean isResponsesPath(String path) {
        return path.equals("/v1/responses") || path.startsWith("/v1/responses/")
                || path.endsWith("/codex/responses") || path.equals("/backend-api/responses")
                || path.startsWith("/backend-api/responses/");
    }

    /**
     * The dialect of a model call the engine may compress ({@code POST} of a conversation), or null: sub-resources
     * such as {@code /v1/messages/count_tokens} or {@code /v1/responses/{id}} pass through untouched.
     */
    public static Dialect modelCall(String method, String path) {
        if (!"POST".equals(method)) {
            return null;
        }
        if (path.equals("/v1/messages")) {
            return ANTHROPIC;
        }
        if (path.equals("/v1/chat/completions")) {
            return CHAT;
        }
        if (path.equals("/v1/responses") || path.endsWith("/codex/responses") || path.equals("/backend-api/responses")) {
            return RESPONSES;
        }
        return null;
    }
}
