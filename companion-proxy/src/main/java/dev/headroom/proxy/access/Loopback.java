package dev.headroom.proxy.access;

import io.javalin.http.Context;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Locale;

/**
 * "Loopback caller" as the reference defines it: the peer address is loopback and so is the Host header (a
 * DNS-rebinding page in a browser reaches 127.0.0.1 but names another host).
 */
public final class Loopback {

    private Loopback() {
    }

    public static boolean isLoopbackCaller(Context ctx) {
        return isLoopbackAddress(ctx.req().getRemoteAddr()) && isLoopbackHost(ctx.header("Host"));
    }

    public static boolean isLoopbackAddress(String ip) {
        if (ip == null || ip.isBlank()) {
            return false;
        }
        String s = ip.startsWith("[") && ip.endsWith("]") ? ip.substring(1, ip.length() - 1) : ip;
        if (!s.matches("[0-9a-fA-F:.]+")) {
            return false; // never resolve names here
        }
        try {
            return InetAddress.getByName(s).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }

    /** {@code localhost}, {@code 127.x.x.x} or {@code [::1]}, with or without a port. A missing Host is not loopback. */
    public static boolean isLoopbackHost(String host) {
        if (host == null || host.isBlank()) {
            return false;
        }
        String h = host.trim().toLowerCase(Locale.ROOT);
        if (h.startsWith("[")) {
            int end = h.indexOf(']');
            return end > 0 && isLoopbackAddress(h.substring(1, end));
        }
        int colon = h.indexOf(':');
        if (colon >= 0) {
            h = h.substring(0, colon);
        }
        return h.equals("localhost") || h.endsWith(".localhost") || isLoopbackAddress(h);
    }
}
