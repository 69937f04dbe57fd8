package dev.headroom.proxy.forward;

import java.util.Locale;
import java.util.Set;

/**
 * Which headers cross the proxy. Everything passes verbatim except hop-by-hop headers, the ones the HTTP
 * client recomputes (host, content-length), {@code accept-encoding} (so the proxy can read usage from the
 * response it relays), and the proxy's own {@code x-headroom-*} controls.
 */
public final class HeaderPolicy {

    private static final Set<String> HOP_BY_HOP = Set.of("connection", "keep-alive", "proxy-authenticate",
            "proxy-authorization", "proxy-connection", "te", "trailer", "transfer-encoding", "upgrade", "host",
            "content-length", "expect", "http2-settings");

    private HeaderPolicy() {
    }

    /** True when a client request header may be sent upstream. */
    public static boolean forwardRequestHeader(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        return !HOP_BY_HOP.contains(n) && !n.startsWith("x-headroom-") && !n.equals("accept-encoding")
                && !n.startsWith(":");
    }

    /** True when an upstream response header may be sent to the client (content-length is decided by the relay). */
    public static boolean forwardResponseHeader(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        return !HOP_BY_HOP.contains(n) && !n.startsWith(":");
    }

    /** True for headers that carry credentials: never logged. */
    public static boolean isSecret(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        return n.equals("authorization") || n.equals("x-api-key") || n.equals("api-key") || n.equals("cookie")
                || n.equals("x-goog-api-key") || n.equals("proxy-authorization") || n.equals("x-headroom-proxy-token")
                || n.contains("token") || n.contains("secret");
    }
}
