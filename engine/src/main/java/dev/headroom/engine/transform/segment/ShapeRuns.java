package dev.headroom.engine.transform.segment;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits the output of several commands chained in one call ({@code ls -la data && wc -l data/*.csv && head -n 5
 * data/orders.csv}) where the shape of its lines changes: a long listing ({@code total 1720}, {@code -rw-r--r-- 1 ...}),
 * counts before names ({@code   4201 data/orders.csv}), comma- or tab-separated rows, {@code ==> file <==} headers
 * of {@code head}/{@code tail} over several files, and anything else. Each run then goes to the compressor for its own
 * content; the runs joined are the text, byte for byte. Only used on text nothing recognised as a whole.
 */
public final class ShapeRuns {

    /** A run shorter than this joins its neighbour: two lines of one shape are not yet a segment. */
    static final int MIN_RUN_LINES = 2;

    enum Shape { LISTING, COUNT, DELIMITED, FILE_HEADER, OTHER }

    private ShapeRuns() {
    }

    /** The {@code [start, end)} character spans of the runs, or one span for the whole text when it has one shape. */
    public static List<int[]> split(String text) {
        List<int[]> lines = new ArrayList<>();
        List<Shape> shapes = new ArrayList<>();
        int start = 0;
        while (start < text.length()) {
            int nl = text.indexOf('\n', start);
            int end = nl < 0 ? text.length() : nl + 1;
            lines.add(new int[] {start, end});
            shapes.add(shape(text.substring(start, nl < 0 ? end : nl)));
            start = end;
        }
        List<int[]> runs = new ArrayList<>();
        List<Shape> runShapes = new ArrayList<>();
        List<Integer> runLines = new ArrayList<>();
        boolean headerOpen = false; // the last run is a ==> file <== header waiting for its first line
        for (int i = 0; i < lines.size(); i++) {
            Shape s = shapes.get(i);
            int last = runs.size() - 1;
            boolean blank = text.substring(lines.get(i)[0], lines.get(i)[1]).isBlank();
            if (headerOpen && !blank && s != Shape.FILE_HEADER) {
                runs.get(last)[1] = lines.get(i)[1];
                runShapes.set(last, s);
                headerOpen = false;
            } else if (last >= 0 && (blank || (s == runShapes.get(last) && s != Shape.FILE_HEADER))) {
                runs.get(last)[1] = lines.get(i)[1];
                runLines.set(last, runLines.get(last) + (blank ? 0 : 1));
            } else {
                headerOpen = s == Shape.FILE_HEADER;
                runs.add(new int[] {lines.get(i)[0], lines.get(i)[1]});
                runShapes.add(s == Shape.FILE_HEADER ? Shape.OTHER : s);
                runLines.add(1);
            }
        }
        return mergeShortRuns(runs, runShapes, runLines, text.length());
    }

    private static List<int[]> mergeShortRuns(List<int[]> runs, List<Shape> shapes, List<Integer> counts, int length) {
        List<int[]> out = new ArrayList<>();
        boolean structured = false;
        for (int i = 0; i < runs.size(); i++) {
            boolean small = counts.get(i) < MIN_RUN_LINES;
            if (!out.isEmpty() && small) {
                out.get(out.size() - 1)[1] = runs.get(i)[1];
                continue;
            }
            structured |= shapes.get(i) != Shape.OTHER;
            out.add(runs.get(i));
        }
        if (out.size() < 2 || !structured) {
            return List.of(new int[] {0, length});
        }
        return out;
    }

    static Shape shape(String line) {
        String t = line.strip();
        if (t.startsWith("==> ") && t.endsWith(" <==")) {
            return Shape.FILE_HEADER;
        }
        if (isListing(t)) {
            return Shape.LISTING;
        }
        if (isCount(t)) {
            return Shape.COUNT;
        }
        if (isDelimited(t)) {
            return Shape.DELIMITED;
        }
        return Shape.OTHER;
    }

    /** {@code total 1720} or {@code drwxr-xr-x 2 root root 4096 Dec  6 20:58 .}. */
    private static boolean isListing(String t) {
        if (t.startsWith("total ") && t.substring(6).chars().allMatch(c -> Character.isDigit(c) || c == '.' || c == 'K'
                || c == 'M' || c == 'G')) {
            return t.length() > 6;
        }
        if (t.length() < 11 || "-dlcbps".indexOf(t.charAt(0)) < 0) {
            return false;
        }
        for (int i = 1; i < 10; i++) {
            if ("rwxsStT-".indexOf(t.charAt(i)) < 0) {
                return false;
            }
        }
        return true;
    }

    /** A number, blanks, then one name: {@code wc -l}, {@code uniq -c}, {@code du}. */
    private static boolean isCount(String t) {
        int i = 0;
        while (i < t.length() && (Character.isDigit(t.charAt(i)) || t.charAt(i) == '.')) {
            i++;
        }
        if (i == 0 || i >= t.length() || !Character.isWhitespace(t.charAt(i))) {
            return false;
        }
        String rest = t.substring(i).strip();
        return !rest.isEmpty() && rest.indexOf(' ') < 0;
    }

    /** Two or more commas or tabs and no run of spaces: a CSV or TSV row. */
    private static boolean isDelimited(String t) {
        int commas = 0;
        int tabs = 0;
        for (int i = 0; i < t.length(); i++) {
            char c = t.charAt(i);
            commas += c == ',' ? 1 : 0;
            tabs += c == '\t' ? 1 : 0;
        }
        return (commas >= 2 || tabs >= 2) && !t.contains("  ");
    }
}
