package dev.headroom.proxy;

import dev.headroom.engine.CompressionMode;
import dev.headroom.engine.store.HeadroomHome;

import java.net.URI;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/**
 * Everything the proxy needs to start, resolved once (flag, then environment variable, then default).
 *
 * @param host              the address to bind (loopback by default: the proxy carries API keys)
 * @param port              the port to bind (0 picks a free one, for tests)
 * @param anthropicUrl      where Anthropic-shaped requests go
 * @param openaiUrl         where OpenAI-shaped requests go
 * @param chatgptUrl        where Codex requests signed with a ChatGPT account go
 * @param mode              the engine's compression mode
 * @param optimize          false forwards everything untouched (pure pass-through)
 * @param logFile           one JSON line per request, or null
 * @param logMessages       include request bodies in the log file
 * @param maxBodyBytes      bodies above this get 413
 * @param home              where the shared SQLite store lives
 * @param proxyToken        required from non-loopback callers when set (HEADROOM_PROXY_TOKEN)
 * @param maxRetrieveRounds how many times one client request may be re-asked after headroom_retrieve calls
 * @param env               the environment (outbound proxy and CA bundle settings)
 */
public record ProxyConfig(String host, int port, URI anthropicUrl, URI openaiUrl, URI chatgptUrl, CompressionMode mode,
                          boolean optimize, Path logFile, boolean logMessages, long maxBodyBytes, HeadroomHome home,
                          String proxyToken, int maxRetrieveRounds, Map<String, String> env) {

    public static final String DEFAULT_ANTHROPIC = "https://api.anthropic.com";
    public static final String DEFAULT_OPENAI = "https://api.openai.com";
    public static final String DEFAULT_CHATGPT = "https://chatgpt.com/backend-api/codex";

    /** Defaults overlaid with the environment: HEADROOM_HOST/PORT, *_TARGET_API_URL, HEADROOM_MODE, HEADROOM_HOME. */
    public static ProxyConfig fromEnvironment(Map<String, String> env) {
        String mode = env.getOrDefault("HEADROOM_MODE", "balanced");
        String token = env.get("HEADROOM_PROXY_TOKEN");
        virtualThreads(env); // a misspelt value fails here, where the command reports it
        return new ProxyConfig(
                nonBlank(env.get("HEADROOM_HOST"), "127.0.0.1"),
                Integer.parseInt(nonBlank(env.get("HEADROOM_PORT"), "8787").trim()),
                URI.create(trimSlash(nonBlank(env.get("ANTHROPIC_TARGET_API_URL"), DEFAULT_ANTHROPIC))),
                URI.create(trimSlash(nonBlank(env.get("OPENAI_TARGET_API_URL"), DEFAULT_OPENAI))),
                URI.create(trimSlash(nonBlank(env.get("CHATGPT_TARGET_API_URL"), DEFAULT_CHATGPT))),
                CompressionMode.parse(mode.isBlank() ? "balanced" : mode),
                true, null, false, 100L * 1024 * 1024, HeadroomHome.resolve(env),
                token == null || token.isBlank() ? null : token.trim(), 3, Map.copyOf(env));
    }

    /**
     * Whether requests run on virtual threads ({@code HEADROOM_PROXY_THREADS=virtual}, the default) or on a pool of
     * platform threads ({@code platform}: a thread per open stream, each with its own stack).
     */
    public boolean virtualThreads() {
        return virtualThreads(env);
    }

    static boolean virtualThreads(Map<String, String> env) {
        String v = nonBlank(env.get("HEADROOM_PROXY_THREADS"), "virtual").trim().toLowerCase(Locale.ROOT);
        return switch (v) {
            case "virtual" -> true;
            case "platform" -> false;
            default -> throw new IllegalArgumentException("HEADROOM_PROXY_THREADS must be virtual or platform, not " + v);
        };
    }

    public ProxyConfig withHost(String v) {
        return new ProxyConfig(v, port, anthropicUrl, openaiUrl, chatgptUrl, mode, optimize, logFile, logMessages,
                maxBodyBytes, home, proxyToken, maxRetrieveRounds, env);
    }

    public ProxyConfig withPort(int v) {
        return new ProxyConfig(host, v, anthropicUrl, openaiUrl, chatgptUrl, mode, optimize, logFile, logMessages,
                maxBodyBytes, home, proxyToken, maxRetrieveRounds, env);
    }

    public ProxyConfig withAnthropicUrl(String v) {
        return new ProxyConfig(host, port, URI.create(trimSlash(v)), openaiUrl, chatgptUrl, mode, optimize, logFile,
                logMessages, maxBodyBytes, home, proxyToken, maxRetrieveRounds, env);
    }

    public ProxyConfig withOpenaiUrl(String v) {
        return new ProxyConfig(host, port, anthropicUrl, URI.create(trimSlash(v)), chatgptUrl, mode, optimize, logFile,
                logMessages, maxBodyBytes, home, proxyToken, maxRetrieveRounds, env);
    }

    public ProxyConfig withChatgptUrl(String v) {
        return new ProxyConfig(host, port, anthropicUrl, openaiUrl, URI.create(trimSlash(v)), mode, optimize, logFile,
                logMessages, maxBodyBytes, home, proxyToken, maxRetrieveRounds, env);
    }

    public ProxyConfig withMode(CompressionMode v) {
        return new ProxyConfig(host, port, anthropicUrl, openaiUrl, chatgptUrl, v, optimize, logFile, logMessages,
                maxBodyBytes, home, proxyToken, maxRetrieveRounds, env);
    }

    public ProxyConfig withOptimize(boolean v) {
        return new ProxyConfig(host, port, anthropicUrl, openaiUrl, chatgptUrl, mode, v, logFile, logMessages,
                maxBodyBytes, home, proxyToken, maxRetrieveRounds, env);
    }

    public ProxyConfig withLogFile(Path v, boolean messages) {
        return new ProxyConfig(host, port, anthropicUrl, openaiUrl, chatgptUrl, mode, optimize, v, messages,
                maxBodyBytes, home, proxyToken, maxRetrieveRounds, env);
    }

    public ProxyConfig withMaxBodyBytes(long v) {
        return new ProxyConfig(host, port, anthropicUrl, openaiUrl, chatgptUrl, mode, optimize, logFile, logMessages,
                v, home, proxyToken, maxRetrieveRounds, env);
    }

    public ProxyConfig withHome(HeadroomHome v) {
        return new ProxyConfig(host, port, anthropicUrl, openaiUrl, chatgptUrl, mode, optimize, logFile, logMessages,
                maxBodyBytes, v, proxyToken, maxRetrieveRounds, env);
    }

    public ProxyConfig withProxyToken(String v) {
        return new ProxyConfig(host, port, anthropicUrl, openaiUrl, chatgptUrl, mode, optimize, logFile, logMessages,
                maxBodyBytes, home, v, maxRetrieveRounds, env);
    }

    /**
     * How long an upstream may take to start its answer (the response head) before the client gets 504:
     * {@code HEADROOM_FIRST_BYTE_TIMEOUT_SECONDS}, default 300 (a stream's first event comes in seconds; a long
     * non-streamed answer can take minutes).
     */
    public long firstByteTimeoutMillis() {
        return seconds("HEADROOM_FIRST_BYTE_TIMEOUT_SECONDS", 300) * 1000;
    }

    /** How long a client may take to send a request's headers: {@code HEADROOM_HEADER_TIMEOUT_SECONDS}, default 10. */
    public long headerTimeoutMillis() {
        return seconds("HEADROOM_HEADER_TIMEOUT_SECONDS", 10) * 1000;
    }

    /**
     * The request-body bytes all requests may hold at once: {@code HEADROOM_MAX_INFLIGHT_BODY_MB}, default a quarter
     * of the heap (at least one maximal body).
     */
    public long inFlightBodyBytes() {
        long mb = seconds("HEADROOM_MAX_INFLIGHT_BODY_MB", -1);
        long bytes = mb > 0 ? mb * 1024 * 1024 : Runtime.getRuntime().maxMemory() / 4;
        return Math.max(bytes, maxBodyBytes + 1);
    }

    private long seconds(String key, long fallback) {
        String v = env.get(key);
        if (v == null || v.isBlank()) {
            return fallback;
        }
        try {
            long n = Long.parseLong(v.trim());
            if (n <= 0) {
                throw new NumberFormatException();
            }
            return n;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(key + " must be a positive whole number, not " + v);
        }
    }

    /** A copy with one environment setting written over (how the command's flags set the settings above). */
    public ProxyConfig withEnv(String key, String value) {
        Map<String, String> e = new java.util.HashMap<>(env);
        e.put(key, value);
        ProxyConfig c = new ProxyConfig(host, port, anthropicUrl, openaiUrl, chatgptUrl, mode, optimize, logFile,
                logMessages, maxBodyBytes, home, proxyToken, maxRetrieveRounds, Map.copyOf(e));
        c.firstByteTimeoutMillis();
        c.headerTimeoutMillis();
        return c;
    }

    /** The spend cap: HEADROOM_BUDGET dollars per HEADROOM_BUDGET_PERIOD (daily by default), or none. */
    public dev.headroom.proxy.budget.BudgetSettings budget() {
        return dev.headroom.proxy.budget.BudgetSettings.fromEnvironment(env);
    }

    /**
     * A copy with the budget flags written over HEADROOM_BUDGET / HEADROOM_BUDGET_PERIOD (null keeps the
     * environment's value). Validated now, so a bad flag stops the start with a message that says what to write.
     */
    public ProxyConfig withBudget(String limitUsd, String period) {
        Map<String, String> e = new java.util.HashMap<>(env);
        if (limitUsd != null) {
            e.put(dev.headroom.proxy.budget.BudgetSettings.ENV_LIMIT, limitUsd);
        }
        if (period != null) {
            e.put(dev.headroom.proxy.budget.BudgetSettings.ENV_PERIOD, period);
        }
        dev.headroom.proxy.budget.BudgetSettings.fromEnvironment(e);
        return new ProxyConfig(host, port, anthropicUrl, openaiUrl, chatgptUrl, mode, optimize, logFile, logMessages,
                maxBodyBytes, home, proxyToken, maxRetrieveRounds, Map.copyOf(e));
    }

    private static String nonBlank(String v, String fallback) {
        return v == null || v.isBlank() ? fallback : v;
    }

    private static String trimSlash(String v) {
        String s = v.trim();
        while (s.endsWith("/")) {
            s = s.substring(0, s.length() - 1);
        }
        return s;
    }
}
