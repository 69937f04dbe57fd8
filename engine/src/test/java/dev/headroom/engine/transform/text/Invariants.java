package dev.headroom.engine.transform.text;

import dev.headroom.engine.ccr.Markers;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** Checks shared by the compressor tests: markers carry the hash, counts add up, nothing inflates. */
public final class Invariants {

    /** {@code [headroom: N[ of M] unit omitted[ (detail)]; headroom_retrieve hash=H]}: count, unit, detail, hash. */
    private static final Pattern MARKER = Pattern.compile(
            "\\[headroom: (\\d+)(?: of \\d+)? ([^;\\]()]+?) omitted(?: \\((.*?)\\))?; headroom_retrieve hash=([0-9a-f]{24})\\]");

    private Invariants() {
    }

    /** Every marker in {@code out}: count and unit. */
    public static List<Marker> markers(String out) {
        List<Marker> list = new ArrayList<>();
        Matcher m = MARKER.matcher(out);
        while (m.find()) {
            list.add(new Marker(Long.parseLong(m.group(1)), m.group(2), m.group(4), m.group(3)));
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

    /**
     * Walks {@code output} against the original lines: every kept line must be the next original line
     * (folded runs expanded, collapsed blank runs allowed), every {@code lines}-style marker must skip
     * exactly its count, and the walk must end at the last original line. This proves marker counts exact.
     */
    public static void assertAligns(List<String> original, String output, String unit) {
        List<String> out = DuplicateLines.unfold(Lines.of(output).lines());
        int p = 0;
        for (int k = 0; k < out.size(); k++) {
            String line = out.get(k);
            Matcher m = MARKER.matcher(line.strip());
            if (m.matches() && m.group(2).equals(unit)) {
                p += Integer.parseInt(m.group(1));
                continue;
            }
            if (line.isEmpty() && p < original.size() && original.get(p).isEmpty()) {
                // a kept run of 3+ blank lines is collapsed to one; runs of one or two stay as they are
                int blanks = 0;
                while (p + blanks < original.size() && original.get(p + blanks).isEmpty()) {
                    blanks++;
                }
                boolean single = k + 1 >= out.size() || !out.get(k + 1).isEmpty();
                boolean markerNext = k + 1 < out.size() && MARKER.matcher(out.get(k + 1).strip()).matches();
                if (single && blanks >= 3 && !markerNext) {
                    p += blanks;
                    continue;
                }
            }
            assertTrue(p < original.size(), "output runs past the original at: " + line);
            assertTrue(original.get(p).equals(line), "line " + p + " differs: expected <" + original.get(p) + "> got <" + line + ">");
            p++;
        }
        assertTrue(p == original.size(), "walk ended at " + p + " of " + original.size());
    }

    public record Marker(long count, String unit, String hash, String detail) {
    }
}
