package dev.headroom.engine.ccr;

import java.util.LinkedHashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

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

    private static final Pattern HASH = Pattern.compile("(?:hash=|<<ccr:)([0-9a-f]{12,64})");

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

    /** True when the text already holds a retrieval marker (ours or the reference's). */
    public static boolean containsMarker(CharSequence text) {
        return HASH.matcher(text).find();
    }

    /** Every hash that a marker in {@code text} names, in order of first appearance. */
    public static Set<String> hashes(CharSequence text) {
        Set<String> out = new LinkedHashSet<>();
        Matcher m = HASH.matcher(text);
        while (m.find()) {
            out.add(m.group(1));
        }
        return out;
    }
}
