package dev.headroom.engine.transform.log;

import java.util.ArrayList;
import java.util.List;

/**
 * The text form of one {@link LineTemplates} block, and its decoder:
 * <pre>
 * [next 2 lines x3, {} filled from the rows after them:]
 * [INFO] Running com.acme.orders.{}ServiceTest
 * [INFO] Tests run: {}, Failures: 0, Errors: 0, Skipped: 0, Time elapsed: {} s -- in com.acme.orders.{1}ServiceTest
 * Invoice 3 0.148
 * Audit 3 0.031
 * Stock 3 0.029
 * </pre>
 * Grammar: a header {@code "[next line x" N ", {} filled from the rows after it:]"} (one template line) or
 * {@code "[next " K " lines x" N ", {} filled from the rows after them:]"}, then K template lines, then N rows.
 * In a template line {@code {}} is the row's next value and {@code {n}} repeats the row's n-th value (from 1);
 * everything else is literal and holds no brace. A row is its values separated by single spaces; a value is
 * never empty and holds no whitespace. Record r of the block is the K template lines with row r filled in.
 */
final class TemplateBlock {

    private static final String ONE = "[next line x";
    private static final String ONE_END = ", {} filled from the rows after it:]";
    private static final String MANY = "[next ";
    private static final String MANY_MID = " lines x";
    private static final String MANY_END = ", {} filled from the rows after them:]";

    private TemplateBlock() {
    }

    static String header(int records, int recordLines) {
        return recordLines == 1 ? ONE + records + ONE_END : MANY + recordLines + MANY_MID + records + MANY_END;
    }

    /** {@code {records, recordLines}} of a header line, or null when the line is none. */
    static int[] parseHeader(String line) {
        if (line.startsWith(ONE) && line.endsWith(ONE_END)) {
            int records = number(line, ONE.length(), line.length() - ONE_END.length());
            return records > 0 ? new int[] {records, 1} : null;
        }
        if (line.startsWith(MANY) && line.endsWith(MANY_END)) {
            int mid = line.indexOf(MANY_MID, MANY.length());
            if (mid < 0) {
                return null;
            }
            int recordLines = number(line, MANY.length(), mid);
            int records = number(line, mid + MANY_MID.length(), line.length() - MANY_END.length());
            return recordLines > 1 && records > 0 ? new int[] {records, recordLines} : null;
        }
        return null;
    }

    /** The decoder: every block back to the lines it stands for; other lines as they are. */
    static List<String> decode(List<String> lines) {
        List<String> out = new ArrayList<>(lines.size() * 2);
        int i = 0;
        while (i < lines.size()) {
            int[] h = parseHeader(lines.get(i));
            if (h == null) {
                out.add(lines.get(i++));
                continue;
            }
            int records = h[0];
            int recordLines = h[1];
            List<String> templates = lines.subList(i + 1, i + 1 + recordLines);
            for (int r = 0; r < records; r++) {
                String[] values = lines.get(i + 1 + recordLines + r).split(" ", -1);
                int next = 0; // the {} holes are numbered across the record's lines
                for (String t : templates) {
                    out.add(fill(t, values, next));
                    next += newHoles(t);
                }
            }
            i += 1 + recordLines + records;
        }
        return out;
    }

    /** A template line with its holes filled from {@code values}, its first {@code {}} taking {@code values[next]}. */
    private static String fill(String template, String[] values, int next) {
        StringBuilder sb = new StringBuilder(template.length() + 32);
        int i = 0;
        while (i < template.length()) {
            char c = template.charAt(i);
            if (c != '{') {
                sb.append(c);
                i++;
                continue;
            }
            int close = template.indexOf('}', i);
            if (close == i + 1) {
                sb.append(values[next++]);
            } else {
                sb.append(values[Integer.parseInt(template.substring(i + 1, close)) - 1]);
            }
            i = close + 1;
        }
        return sb.toString();
    }

    /** How many {@code {}} (new values, not repeats) a template line holds. */
    static int newHoles(String template) {
        int count = 0;
        for (int i = template.indexOf("{}"); i >= 0; i = template.indexOf("{}", i + 2)) {
            count++;
        }
        return count;
    }

    private static int number(String s, int from, int to) {
        if (to <= from || to - from > 9) {
            return -1;
        }
        int v = 0;
        for (int k = from; k < to; k++) {
            char c = s.charAt(k);
            if (c < '0' || c > '9' || (k == from && c == '0')) {
                return -1;
            }
            v = v * 10 + (c - '0');
        }
        return v;
    }
}
