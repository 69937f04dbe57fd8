package dev.headroom.agent.core;

import java.util.Locale;
import java.util.Map;

/** Requests whose body must go out byte for byte: signed or encoded by someone before the HTTP client. */
final class RequestGuards {

    private RequestGuards() {
    }

    /** {@code headers}: lower-case name to first value. */
    static boolean mustNotTouch(Map<String, String> headers) {
        if (headers == null) {
            return false;
        }
        for (Map.Entry<String, String> h : headers.entrySet()) {
            String name = h.getKey();
            if (name.equals("content-encoding") || name.equals("content-digest") || name.equals("content-md5")
                    || name.equals("digest") || name.startsWith("x-amz-")) {
                return true;
            }
            if (name.equals("authorization") && h.getValue() != null
                    && h.getValue().toUpperCase(Locale.ROOT).startsWith("AWS4-HMAC-SHA256")) {
                return true;
            }
        }
        return false;
    }
}
