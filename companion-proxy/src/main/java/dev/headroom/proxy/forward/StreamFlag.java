package dev.headroom.proxy.forward;

import java.nio.charset.StandardCharsets;

/** Whether a request asks for a stream, for logs and stats labels only (the body is forwarded as it is). */
public final class StreamFlag {

    private static final byte[] STREAM_KEY = "\"stream\"".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] TRUE = "true".getBytes(StandardCharsets.US_ASCII);

    private StreamFlag() {
    }

    /**
     * A cheap look for {@code "stream": true} at any depth, in the first MB: only used for logs and stats labels.
     * It scans the bytes in place (a String of the body was a second copy of every request, twice).
     */
    public static boolean isSet(byte[] body) {
        int limit = Math.min(body.length, 1 << 20);
        for (int i = Bytes.indexOf(body, STREAM_KEY, 0, limit); i >= 0; i = Bytes.indexOf(body, STREAM_KEY, i + STREAM_KEY.length, limit)) {
            int j = i + STREAM_KEY.length;
            while (j < limit && (body[j] == ' ' || body[j] == ':' || body[j] == '\n' || body[j] == '\t')) {
                j++;
            }
            if (Bytes.indexOf(body, TRUE, j, Math.min(limit, j + TRUE.length)) == j) {
                return true;
            }
        }
        return false;
    }
}
