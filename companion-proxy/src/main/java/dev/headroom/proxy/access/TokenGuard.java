package dev.headroom.proxy.access;

import io.javalin.http.Context;
import io.javalin.http.UnauthorizedResponse;

import java.security.MessageDigest;
import java.nio.charset.StandardCharsets;
import java.util.Set;

/**
 * {@code HEADROOM_PROXY_TOKEN}: when set, callers that are not on loopback must send it in
 * {@code X-Headroom-Proxy-Token} or {@code Proxy-Authorization: Bearer ...} (never forwarded upstream; the
 * {@code Authorization} header stays the provider's). Health endpoints stay open for probes.
 */
public final class TokenGuard {

    private static final Set<String> OPEN = Set.of("/livez", "/readyz", "/health");
    private final byte[] token;

    public TokenGuard(String token) {
        this.token = token == null ? null : token.getBytes(StandardCharsets.UTF_8);
    }

    public void check(Context ctx) {
        if (token == null || OPEN.contains(ctx.path()) || Loopback.isLoopbackAddress(ctx.req().getRemoteAddr())) {
            return;
        }
        String given = ctx.header("X-Headroom-Proxy-Token");
        String pa = ctx.header("Proxy-Authorization");
        if (given == null && pa != null && pa.regionMatches(true, 0, "Bearer ", 0, 7)) {
            given = pa.substring(7).trim();
        }
        if (given == null || !MessageDigest.isEqual(token, given.getBytes(StandardCharsets.UTF_8))) {
            throw new UnauthorizedResponse("headroom: this proxy needs X-Headroom-Proxy-Token from non-loopback callers");
        }
    }
}
