package dev.headroom.engine.ccr;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/** SHA-256 based hashes used for retrieval keys and memo keys. */
public final class ContentHash {

    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private ContentHash() {
    }

    /** The first 24 hex characters of SHA-256 over the UTF-8 bytes of {@code text}: the retrieval key. */
    public static String of(String text) {
        return hex(sha256(text.getBytes(StandardCharsets.UTF_8)), Markers.HASH_LENGTH);
    }

    /** Full 64-hex SHA-256 of the given parts, separated by a NUL so that parts cannot run together. */
    public static String ofParts(String... parts) {
        MessageDigest md = digest();
        for (String p : parts) {
            md.update(p.getBytes(StandardCharsets.UTF_8));
            md.update((byte) 0);
        }
        return hex(md.digest(), 64);
    }

    private static byte[] sha256(byte[] bytes) {
        return digest().digest(bytes);
    }

    private static MessageDigest digest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java platform", e);
        }
    }

    private static String hex(byte[] bytes, int chars) {
        char[] out = new char[chars];
        for (int i = 0; i < chars; i++) {
            int b = bytes[i / 2] & 0xff;
            out[i] = HEX[(i % 2 == 0) ? b >>> 4 : b & 0x0f];
        }
        return new String(out);
    }
}
