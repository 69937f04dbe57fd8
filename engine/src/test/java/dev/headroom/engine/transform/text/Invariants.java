package dev.headroom.engine.transform.text;

import dev.headroom.engine.ccr.Markers;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** Checks shared by the compressor tests: markers carry the hash, counts add up, nothing inflates. */
public final class Invariants {

    private static final Pattern MARKER = Pattern.compile("\\[headroom: (\\d+) ([^;\\]]+) omitted; headroom_retrieve hash=([0-9a-f]{24})\\]");

    private Invariants() {
    }

    /** Every marker in {@code out}: count and unit. */
    public static List<Marker> markers(String out) {
        List<Marker> list = new ArrayList<>();
        Matcher m = MARKER.matcher(out);
        while (m.find()) {
            list.add(new Marker(Long.parseLong(m.group(1)), m.group(2), m.group(3)));
        }
        return list;
    }

    /** The sum of the counts of markers whose unit is exactly {@code unit}. */
    public static long omitted(String out, String unit) {
        long sum = 0;
        for (Marker m : markers(out)) {
            if (m.unit().equals(unit)) {
                sum += m.count();
            }
        }
        return sum;
    }

    public static void assertNoInflation(String in, String out) {
        assertTrue(out.length() <= in.length(), "output longer than input: " + out.length() + " > " + in.length());
    }

    public static void assertMarkersNameHash(String out, String hash) {
        for (Marker m : markers(out)) {
            assertTrue(m.hash().equals(hash), "marker with a foreign hash: " + m);
        }
        assertTrue(Markers.hashes(out).stream().allMatch(hash::equals), "foreign hash in output");
    }

    /** Lines of {@code in} (normalized) that are not in {@code out}, as a multiset count check per line. */
    public static long keptLines(String out) {
        return out.lines().filter(l -> !MARKER.matcher(l.strip()).matches()).count();
    }

    public record Marker(long count, String unit, String hash) {
    }
}
