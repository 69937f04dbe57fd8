package dev.headroom.engine.transform.table;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads tables whose columns a rule line marks out:
 * <ul>
 *   <li>SQL result grids. {@code psql}: a header, a {@code ----+----} rule, rows with {@code |} under each
 *       {@code +}, then a {@code (N rows)} footer. {@code mysql -t}: {@code +----+----+} rules above and
 *       below the header and after the last row, every line framed by {@code |}.</li>
 *   <li>Rules of dashes under a header, one run per column: {@code pip list} ({@code ------- -----}),
 *       {@code kubectl describe}'s Events ({@code ----    ------}), and dpkg's {@code +++-====-====}.</li>
 * </ul>
 * The rule gives the exact column positions, so a {@code |} or a space inside a value is never taken for
 * a column break. Rows end at the first line that does not fit (a footer, a blank line, a closing rule).
 */
final class RuleLayout {

    private RuleLayout() {
    }

    /** A table whose header is line {@code i} (for mysql: whose top rule is), or null. */
    static TableSpan at(List<String> lines, int i, int end) {
        if (i + 1 >= end) {
            return null;
        }
        String first = lines.get(i);
        String second = lines.get(i + 1);
        if (isFramedRule(first) && i + 2 < end && second.startsWith("|") && lines.get(i + 2).equals(first)) {
            return grid(lines, i, i + 1, i + 2, end, true);
        }
        if (isGridRule(second) && first.indexOf('|') >= 0) {
            return grid(lines, i, i, i + 1, end, false);
        }
        if (isSpacedRule(second) && !first.isBlank()) {
            return spaced(lines, i, end);
        }
        return null;
    }

    /** {@code +---+---+}. */
    static boolean isFramedRule(String l) {
        return l.length() >= 5 && l.charAt(0) == '+' && l.charAt(l.length() - 1) == '+' && only(l, "-+") && l.indexOf("--") > 0;
    }

    /** {@code ----+-----} (psql), with at least two columns. */
    static boolean isGridRule(String l) {
        return l.length() >= 5 && l.charAt(0) == '-' && l.indexOf('+') > 0 && only(l, "-+");
    }

    /** {@code -----  ----} or dpkg's {@code +++-===-===}: two or more runs of dashes or equals signs. */
    static boolean isSpacedRule(String l) {
        String t = l.strip();
        if (t.length() < 5 || !only(t, "-= +") || t.indexOf("--") < 0 && t.indexOf("==") < 0) {
            return false;
        }
        return starts(l).size() >= 2;
    }

    private static boolean only(String l, String chars) {
        for (int i = 0; i < l.length(); i++) {
            if (chars.indexOf(l.charAt(i)) < 0) {
                return false;
            }
        }
        return true;
    }

    /** Where each run of a spaced rule starts; dpkg's runs of {@code =} are split by single dashes. */
    private static List<Integer> starts(String rule) {
        boolean equals = rule.indexOf('=') >= 0;
        List<Integer> out = new ArrayList<>();
        for (int p = 0; p < rule.length(); p++) {
            char ch = rule.charAt(p);
            boolean mark = ch != ' ' && (!equals || ch != '-');
            boolean prevMark = p > 0 && rule.charAt(p - 1) != ' ' && (!equals || rule.charAt(p - 1) != '-');
            if (mark && !prevMark) {
                out.add(p);
            }
        }
        return out;
    }

    private static TableSpan grid(List<String> lines, int from, int header, int rule, int end, boolean framed) {
        String r = lines.get(rule);
        List<Integer> bars = new ArrayList<>();
        for (int p = 0; p < r.length(); p++) {
            if (r.charAt(p) == '+') {
                bars.add(p);
            }
        }
        if (!framed) {
            bars.add(0, -1);
        }
        String[] names = gridCells(lines.get(header), bars, framed);
        if (names == null) {
            return null;
        }
        List<String[]> rows = new ArrayList<>();
        int i = rule + 1;
        for (; i < end; i++) {
            String l = lines.get(i);
            if (framed && l.equals(r)) {
                i++;
                break;
            }
            String[] cells = gridCells(l, bars, framed);
            if (cells == null) {
                break;
            }
            rows.add(cells);
        }
        return rows.isEmpty() ? null : new TableSpan(from, i, new CellTable(names, rows), framed ? "mysql" : "psql");
    }

    /** The cells between the bars, or null when the line has no {@code |} under an inner bar. */
    private static String[] gridCells(String l, List<Integer> bars, boolean framed) {
        int k = framed ? bars.size() - 1 : bars.size();
        if (framed && (l.length() != bars.get(bars.size() - 1) + 1 || l.charAt(0) != '|' || l.charAt(l.length() - 1) != '|')) {
            return null;
        }
        for (int b = 1; b < bars.size() - (framed ? 1 : 0); b++) {
            int p = bars.get(b);
            if (p >= l.length() || l.charAt(p) != '|') {
                return null;
            }
        }
        String[] cells = new String[k];
        for (int c = 0; c < k; c++) {
            int start = bars.get(c) + 1;
            int stop = c + 1 < bars.size() ? bars.get(c + 1) : l.length();
            cells[c] = l.substring(Math.min(start, l.length()), Math.min(stop, l.length())).strip();
        }
        return cells;
    }

    private static TableSpan spaced(List<String> lines, int header, int end) {
        List<Integer> starts = starts(lines.get(header + 1));
        String[] names = spacedCells(lines.get(header), starts);
        if (names == null || names[0].isEmpty() && names[1].isEmpty()) {
            return null;
        }
        List<String[]> rows = new ArrayList<>();
        int i = header + 2;
        for (; i < end; i++) {
            String[] cells = lines.get(i).isBlank() ? null : spacedCells(lines.get(i), starts);
            if (cells == null) {
                break;
            }
            rows.add(cells);
        }
        return rows.isEmpty() ? null : new TableSpan(header, i, new CellTable(names, rows), "ruled");
    }

    /** The cells under the rule's runs, or null when a value crosses into the next column. */
    private static String[] spacedCells(String l, List<Integer> starts) {
        String[] cells = new String[starts.size()];
        for (int c = 0; c < cells.length; c++) {
            int start = starts.get(c);
            if (start > 0 && start <= l.length() && l.charAt(start - 1) != ' ' && c > 0) {
                return null;
            }
            int stop = c + 1 < cells.length ? starts.get(c + 1) : l.length();
            cells[c] = l.substring(Math.min(start, l.length()), Math.min(Math.max(stop, start), l.length())).strip();
        }
        if (starts.get(0) > 0 && !l.substring(0, Math.min(starts.get(0), l.length())).isBlank()) {
            return null;
        }
        return cells;
    }
}
