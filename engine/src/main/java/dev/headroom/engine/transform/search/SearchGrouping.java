package dev.headroom.engine.transform.search;

import java.util.ArrayList;
import java.util.List;

/**
 * The lossless re-encoding of flat grep output: two or more consecutive hits in one file become the path
 * on its own line, then one {@code "  " lineNo sep content} row per hit; a lone hit stays as it is.
 *
 * <p>How it decodes ({@link #decode}): an indented line is a row of the latest header; a non-indented line
 * followed by an indented one is a header; any other line is verbatim. That is unambiguous because
 * encoding refuses input in which a line that is not a hit starts with whitespace, every group starts
 * with its own header, and a verbatim line (a lone hit, {@code --}, anything else) never starts with
 * whitespace. {@link #encode} also decodes its own output and gives up if that is not the input.
 */
public final class SearchGrouping {

    private static final String INDENT = "  ";

    private SearchGrouping() {
    }

    /** The grouped lines, or null when the input has no hits or cannot be grouped unambiguously. */
    public static List<String> encode(List<String> lines) {
        List<GrepHit> hits = new ArrayList<>(lines.size());
        String previous = null;
        for (String line : lines) {
            GrepHit hit = GrepHit.parse(line, previous);
            if (hit == null && !line.isEmpty() && Character.isWhitespace(line.charAt(0))) {
                return null;
            }
            hits.add(hit);
            previous = hit == null ? null : hit.path();
        }
        List<String> out = new ArrayList<>(lines.size());
        boolean grouped = false;
        int i = 0;
        while (i < lines.size()) {
            GrepHit hit = hits.get(i);
            int j = i + 1;
            while (hit != null && j < lines.size() && hits.get(j) != null && hits.get(j).path().equals(hit.path())) {
                j++;
            }
            if (hit == null || j - i < 2) {
                out.add(lines.get(i)); // a lone hit stays as it is: grouping it would cost a line
                i++;
                continue;
            }
            out.add(hit.path());
            for (int k = i; k < j; k++) {
                out.add(row(hits.get(k)));
            }
            grouped = true;
            i = j;
        }
        if (!grouped || !decode(out).equals(lines)) {
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
            int j = INDENT.length();
            while (j < line.length() && Character.isDigit(line.charAt(j))) {
                j++;
            }
            boolean row = line.startsWith(INDENT) && header != null && j > INDENT.length() && j < line.length()
                    && (line.charAt(j) == ':' || line.charAt(j) == '-');
            if (row) {
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
