package dev.headroom.proxy.forward;

import com.github.luben.zstd.ZstdInputStream;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;
import java.util.zip.GZIPInputStream;
import java.util.zip.InflaterInputStream;

/**
 * Decodes request bodies sent with {@code Content-Encoding: gzip}, {@code deflate} or {@code zstd} so the engine
 * can read them. Returns null for encodings it does not know (the body is then forwarded untouched).
 */
public final class BodyDecoding {

    private BodyDecoding() {
    }

    /** True when there is nothing to decode. */
    public static boolean isIdentity(String contentEncoding) {
        return contentEncoding == null || contentEncoding.isBlank()
                || contentEncoding.trim().equalsIgnoreCase("identity");
    }

    /**
     * @param maxBytes decoded bodies larger than this are refused (a zip bomb must not exhaust memory)
     * @return the decoded bytes, or null when the encoding is unknown or the body does not decode
     */
    public static byte[] decode(byte[] body, String contentEncoding, long maxBytes) {
        String enc = contentEncoding.trim().toLowerCase(Locale.ROOT);
        try (InputStream in = switch (enc) {
            case "gzip", "x-gzip" -> new GZIPInputStream(new ByteArrayInputStream(body));
            case "deflate" -> new InflaterInputStream(new ByteArrayInputStream(body));
            case "zstd" -> new ZstdInputStream(new ByteArrayInputStream(body));
            default -> null;
        }) {
            if (in == null) {
                return null;
            }
            byte[] out = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 16, maxBytes + 1));
            return out.length > maxBytes ? null : out;
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }
}
