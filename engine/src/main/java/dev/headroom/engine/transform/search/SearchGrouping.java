package dev.headroom.engine.transform.search;

import java.util.ArrayList;
import java.util.List;

/**
 * The lossless re-encoding of flat grep output: consecutive hits in one file become the path on its own
 * line, then one {@code "  " lineNo sep content} row per hit.
 *
 * <p>How it decodes ({@link #decode}): an indented line is a row of the latest header; a non-indented line
 * followed by an indented one is a header; any other line is verbatim. That is unambiguous because
 * encoding refuses input in which a line that is not a hit starts with whitespace, and every group starts
 * with its own header (a verbatim line in between ends the group).
 */
public final class SearchGrouping {

    private static final String INDENT = "  ";

    private SearchGrouping() {
    }

    /** The grouped lines, or null when the input has no hits or cannot be grouped unambiguously. */
    public static List<String> encode(List<String> lines) {
        List<String> out = new ArrayList<>(lines.size());
        String current = null;
        int hits = 0;
        for (String line : lines) {
            GrepHit hit = GrepHit.parse(line, current);
            if (hit == null) {
                if (!line.isEmpty() && Character.isWhitespace(line.charAt(0))) {
                    return null;
                }
                out.add(line);
                current = null;
                continue;
            }
            if (!hit.path().equals(current)) {
                out.add(hit.path());
                current = hit.path();
            }
            out.add(row(hit));
            hits++;
        }
        if (hits == 0 || !decode(out).equals(lines)) {
            return null; // belt and braces: never emit an encoding that does not decode to the input
        }
        return out;
    }

    /** One grouped row: indent, line number, separator, content. */
    static String row(GrepHit hit) {
        return INDENT + hit.lineNo() + hit.sep() + hit.content();
    }

    /** The grep lines a grouped text stands for. */
    public static List<String> decode(List<String> grouped) {
        List<String> out = new ArrayList<>(grouped.size());
        String header = null;
        for (int i = 0; i < grouped.size(); i++) {
            String line = grouped.get(i);
            if (line.startsWith(INDENT) && header != null) {
                int j = INDENT.length();
                while (j < line.length() && Character.isDigit(line.charAt(j))) {
                    j++;
                }
                char sep = line.charAt(j);
                out.add(header + sep + line.substring(INDENT.length(), j) + sep + line.substring(j + 1));
            } else if (i + 1 < grouped.size() && grouped.get(i + 1).startsWith(INDENT)) {
                header = line;
            } else {
                header = null;
                out.add(line);
            }
        }
        return out;
    }
}
