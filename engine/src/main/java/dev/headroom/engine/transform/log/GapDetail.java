package dev.headroom.engine.transform.log;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Says in a few words what a run of left-out log lines holds, for the marker that stands in for them:
 * {@code lines 7-90: 80 downloads, 4 [INFO] lines}. The line range is 1-based and inclusive, in the original
 * text, so a model can tell which part a retrieval would give back; the kinds are the {@link #MAX_KINDS} most
 * frequent ones of the gap, most frequent first. One pass over the gap.
 */
final class GapDetail {

    static final int MAX_KINDS = 3;

    private GapDetail() {
    }

    /** The detail of the gap {@code [from, to)} of {@code lines}. */
    static String of(List<String> lines, int from, int to) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (int i = from; i < to; i++) {
            String kind = kind(lines.get(i));
            if (kind != null) {
                counts.merge(kind, 1, Integer::sum);
            }
        }
        StringBuilder sb = new StringBuilder(64);
        sb.append(to - from == 1 ? "line " + (from + 1) : "lines " + (from + 1) + "-" + to);
        if (counts.isEmpty()) {
            return sb.append(": blank").toString();
        }
        List<Map.Entry<String, Integer>> sorted = new ArrayList<>(counts.entrySet());
        // most frequent first; among equals, the one seen first (LinkedHashMap order, stable sort)
        sorted.sort((a, b) -> Integer.compare(b.getValue(), a.getValue()));
        sb.append(": ");
        int shown = Math.min(MAX_KINDS, sorted.size());
        int rest = 0;
        for (int k = 0; k < sorted.size(); k++) {
            if (k < shown) {
                int count = sorted.get(k).getValue();
                String noun = sorted.get(k).getKey();
                // every kind is a plural noun ending in s: "1 passing test", "2 passing tests"
                sb.append(k > 0 ? ", " : "").append(count).append(' ').append(count == 1 ? noun.substring(0, noun.length() - 1) : noun);
            } else {
                rest += sorted.get(k).getValue();
            }
        }
        if (rest > 0) {
            sb.append(", ").append(rest).append(" other");
        }
        return sb.toString();
    }

    /** A plural noun for what a line is, or null for a blank line. */
    static String kind(String line) {
        String t = line.strip();
        if (t.isEmpty()) {
            return null;
        }
        String s = LogLines.stripLevelPrefix(t);
        if (s.startsWith("Downloading ") || s.startsWith("Downloaded ") || s.startsWith("Progress (")) {
            return "downloads";
        }
        if (s.startsWith("> Task ")) {
            return "Gradle tasks";
        }
        if (TestRunLines.isPassingTest(t)) {
            return "passing tests";
        }
        if (TestRunLines.isBuildStep(t)) {
            return "build steps";
        }
        if (s.startsWith("Running ")) {
            return "test starts";
        }
        if (LogLines.isFrame(line)) {
            return "stack frames";
        }
        if (t.startsWith("npm warn") || t.startsWith("npm WARN")) {
            return "npm warnings";
        }
        String level = levelWord(t);
        if (level != null) {
            return t.startsWith("[" + level + "]") ? "[" + level + "] lines" : level + " log lines";
        }
        return "other lines";
    }

    private static final String[] LEVEL_WORDS = {"INFO", "DEBUG", "TRACE", "NOTICE", "FINE", "WARN", "WARNING", "ERROR"};

    /** The earliest level word in the first 80 characters, bounded by non-letters, or null. */
    private static String levelWord(String t) {
        int n = Math.min(t.length(), 80);
        String found = null;
        int first = n;
        for (String w : LEVEL_WORDS) {
            int at = t.indexOf(w);
            if (at >= 0 && at < first && (at == 0 || !Character.isLetter(t.charAt(at - 1)))
                    && (at + w.length() >= t.length() || !Character.isLetter(t.charAt(at + w.length())))) {
                found = w;
                first = at;
            }
        }
        return found;
    }
}
