package dev.headroom.engine.ccr;

import java.util.LinkedHashSet;
import java.util.Set;

/**
 * The retrieval markers the engine writes, and the scanner that finds them again.
 *
 * <p>A marker reads {@code [headroom: 87 rows omitted; headroom_retrieve hash=0123456789abcdef01234567]}:
 * the count, the right unit, and the 24-hex hash of the full original text of the unit. The scanner
 * also recognises the reference product's markers ({@code hash=<hex>} and {@code <<ccr:<hex>}), so text
 * that another interposer already compressed is never compressed again.
 */
public final class Markers {

    /** The hash length the engine writes: 24 hex characters (96 bits) of SHA-256. */
    public static final int HASH_LENGTH = 24;

    private Markers() {
    }

    /** A marker for {@code count} omitted {@code unit} ({@code rows}, {@code lines}, ...) of the original {@code hash}. */
    public static String omitted(long count, String unit, String hash) {
        return omitted(count, 0, unit, null, hash);
    }

    /**
     * A marker a model can act on: {@code [headroom: 212 of 240 rows omitted (status PAID, region eu-west-1);
     * headroom_retrieve hash=…]}. {@code total} (the count before omission) is left out when 0 or less,
     * {@code detail} (what the omitted part holds, in words) when null or blank.
     */
    public static String omitted(long count, long total, String unit, String detail, String hash) {
        StringBuilder sb = new StringBuilder(96).append("[headroom: ").append(count);
        if (total > 0) {
            sb.append(" of ").append(total);
        }
        sb.append(' ').append(unit).append(" omitted");
        if (detail != null && !detail.isBlank()) {
            sb.append(" (").append(detail.strip()).append(')');
        }
        return sb.append("; headroom_retrieve hash=").append(hash).append(']').toString();
    }

    /**
     * True when the text already holds a retrieval marker (ours or the reference's). An indexOf scan for the two
     * prefixes, then the hex run: the regular expression's alternation tried at every position was the largest
     * single cost of compressing a fresh 100 KB request.
     */
    public static boolean containsMarker(CharSequence text) {
        String s = text.toString();
        return hexAfter(s, "hash=") || hexAfter(s, "<<ccr:");
    }

    /** True when {@code prefix} occurs followed by 12 or more lowercase hex digits. */
    private static boolean hexAfter(String s, String prefix) {
        int at = s.indexOf(prefix);
        while (at >= 0) {
            int i = at + prefix.length();
            int end = i;
            while (end < s.length() && end - i < 12 && isHex(s.charAt(end))) {
                end++;
            }
            if (end - i >= 12) {
                return true;
            }
            at = s.indexOf(prefix, at + 1);
        }
        return false;
    }

    private static boolean isHex(char c) {
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f');
    }

    /** Every hash that a marker in {@code text} names, in order of first appearance. */
    public static Set<String> hashes(CharSequence text) {
        String s = text.toString();
        Set<String> out = new LinkedHashSet<>();
        int hash = s.indexOf("hash=");
        int ccr = s.indexOf("<<ccr:");
        while (hash >= 0 || ccr >= 0) {
            boolean isHash = hash >= 0 && (ccr < 0 || hash < ccr);
            int at = isHash ? hash : ccr;
            int i = at + (isHash ? 5 : 6);
            int end = i;
            while (end < s.length() && end - i < 64 && isHex(s.charAt(end))) {
                end++;
            }
            if (end - i >= 12) {
                out.add(s.substring(i, end));
            }
            if (isHash) {
                hash = s.indexOf("hash=", at + 1);
            } else {
                ccr = s.indexOf("<<ccr:", at + 1);
            }
        }
        return out;
    }
}
