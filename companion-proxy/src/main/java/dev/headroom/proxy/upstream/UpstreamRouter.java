package dev.headroom.proxy.upstream;

import dev.headroom.dialects.Dialects;
import dev.headroom.proxy.ProxyConfig;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;
import java.util.Map;

/**
 * Chooses the upstream for a request from its path and auth headers, as the reference does: ChatGPT-account
 * auth goes to the Codex backend; Anthropic keys or headers go to Anthropic; everything else to OpenAI.
 * Request headers can never name an arbitrary host: only the configured base URLs are used.
 */
public final class UpstreamRouter {

    /** Where one request goes. */
    public record Target(Provider provider, URI uri) {
    }

    private final ProxyConfig config;

    public UpstreamRouter(ProxyConfig config) {
        this.config = config;
    }

    /**
     * @param path    the request path ({@code /v1/messages})
     * @param query   the raw query string, or null
     * @param headers request headers with lower-case names
     */
    public Target route(String path, String query, Map<String, String> headers) {
        String q = query == null || query.isEmpty() ? "" : "?" + uriSafe(query);
        path = uriSafe(path);
        if (isChatgptAuth(headers) && isResponsesPath(path)) {
            // /v1/responses, /v1/codex/responses, /backend-api/codex/responses -> <chatgpt base>/responses...
            int i = path.indexOf("/responses");
            return new Target(Provider.CHATGPT, URI.create(config.chatgptUrl() + path.substring(i) + q));
        }
        Provider p = path.startsWith("/v1/messages") ? Provider.ANTHROPIC
                : path.startsWith("/v1/chat/") || path.startsWith("/v1/responses") ? Provider.OPENAI
                : isChatgptAuth(headers) ? Provider.CHATGPT
                : isAnthropic(headers) ? Provider.ANTHROPIC : Provider.OPENAI;
        URI base = switch (p) {
            case ANTHROPIC -> config.anthropicUrl();
            case OPENAI -> config.openaiUrl();
            case CHATGPT -> config.chatgptUrl();
        };
        return new Target(p, URI.create(base + path + q));
    }

    /**
     * The target as sent, with only the characters a URI cannot hold ({@code | " < > \ ^ ` { }} and spaces)
     * percent-encoded: equivalent for the upstream, where {@link URI#create} would otherwise throw and the request
     * was lost. Everything else, escapes included, stays as the client wrote it.
     */
    static String uriSafe(String s) {
        StringBuilder out = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean bad = c <= ' ' || c == '"' || c == '<' || c == '>' || c == '\\' || c == '^' || c == '`'
                    || c == '{' || c == '|' || c == '}' || c == 0x7f;
            if (bad && out == null) {
                out = new StringBuilder(s.length() + 8).append(s, 0, i);
            }
            if (out != null) {
                if (bad) {
                    out.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4 & 0xf, 16)))
                            .append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
                } else {
                    out.append(c);
                }
            }
        }
        return out == null ? s : out.toString();
    }

    static boolean isResponsesPath(String path) {
        return Dialects.isResponsesPath(path);
    }

    static boolean isAnthropic(Map<String, String> headers) {
        if (headers.containsKey("x-api-key") || headers.containsKey("anthropic-version")) {
            return true;
        }
        String auth = headers.getOrDefault("authorization", "");
        return auth.regionMatches(true, 0, "Bearer sk-ant-", 0, 14);
    }

    /** A {@code chatgpt-account-id} header, or a Bearer JWT whose claims name a ChatGPT account. */
    static boolean isChatgptAuth(Map<String, String> headers) {
        if (headers.containsKey("chatgpt-account-id")) {
            return true;
        }
        String auth = headers.getOrDefault("authorization", "");
        if (!auth.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return false;
        }
        String[] parts = auth.substring(7).trim().split("\\.");
        if (parts.length != 3) {
            return false;
        }
        try {
            String claims = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8);
            return claims.toLowerCase(Locale.ROOT).contains("chatgpt_account_id");
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
