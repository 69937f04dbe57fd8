package dev.headroom.engine.transform.diff;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits unified (and combined {@code @@@}) diff text into blocks: file headers, hunks (header plus body)
 * and any other text (commit headers from {@code git log -p}, messages). A hunk body is read by the counts
 * in its header when they parse, otherwise by line prefixes. Concatenating every block's lines gives back
 * the input lines.
 */
final class DiffParser {

    enum Kind { TEXT, FILE_HEADER, HUNK }

    /** A run of lines; for a hunk, {@code lines.get(0)} is the {@code @@} header and {@code columns} the prefix width. */
    record Block(Kind kind, List<String> lines, int file, int columns) {
    }

    private DiffParser() {
    }

    static List<Block> parse(List<String> lines) {
        List<Block> out = new ArrayList<>();
        List<String> text = new ArrayList<>();
        int file = -1;
        int i = 0;
        int n = lines.size();
        while (i < n) {
            String line = lines.get(i);
            if (isFileStart(lines, i)) {
                flush(out, text, file);
                file++;
                List<String> header = new ArrayList<>();
                header.add(line);
                i++;
                while (i < n && !isHunkHeader(lines.get(i)) && !isFileStart(lines, i) && isHeaderLine(lines, i)) {
                    header.add(lines.get(i++));
                }
                out.add(new Block(Kind.FILE_HEADER, header, file, 0));
                continue;
            }
            if (isHunkHeader(line) && file >= 0) {
                flush(out, text, file);
                int columns = atSigns(line) - 1;
                int end = hunkEnd(lines, i, columns);
                out.add(new Block(Kind.HUNK, new ArrayList<>(lines.subList(i, end)), file, columns));
                i = end;
                continue;
            }
            text.add(line);
            i++;
        }
        flush(out, text, file);
        return out;
    }

    /** True for lines whose prefix columns hold a {@code +} or {@code -}. */
    static boolean isChange(String line, int columns) {
        for (int c = 0; c < columns && c < line.length(); c++) {
            char ch = line.charAt(c);
            if (ch == '+' || ch == '-') {
                return true;
            }
        }
        return false;
    }

    static boolean isHunkHeader(String line) {
        return line.startsWith("@@ -") || line.startsWith("@@@ -") || line.startsWith("@@@@ -");
    }

    /** {@code diff --git}, {@code diff --cc}, {@code diff --combined}, or a bare {@code ---}/{@code +++} pair. */
    static boolean isFileStart(List<String> lines, int i) {
        String line = lines.get(i);
        if (line.startsWith("diff --git ") || line.startsWith("diff --cc ") || line.startsWith("diff --combined ")
                || (line.startsWith("diff -") && line.indexOf(' ', 5) > 0 && i + 1 < lines.size() && lines.get(i + 1).startsWith("--- "))) {
            return true;
        }
        return line.startsWith("--- ") && i + 1 < lines.size() && lines.get(i + 1).startsWith("+++ ")
                && (i == 0 || !lines.get(i - 1).startsWith("diff "));
    }

    private static boolean isHeaderLine(List<String> lines, int i) {
        String l = lines.get(i);
        return l.startsWith("index ") || l.startsWith("--- ") || l.startsWith("+++ ") || l.startsWith("new file mode")
                || l.startsWith("deleted file mode") || l.startsWith("old mode") || l.startsWith("new mode")
                || l.startsWith("similarity index") || l.startsWith("dissimilarity index") || l.startsWith("rename from")
                || l.startsWith("rename to") || l.startsWith("copy from") || l.startsWith("copy to")
                || l.startsWith("Binary files") || l.startsWith("GIT binary patch") || l.startsWith("mode ");
    }

    private static int atSigns(String line) {
        int k = 0;
        while (k < line.length() && line.charAt(k) == '@') {
            k++;
        }
        return k;
    }

    /** The index after the hunk that starts at {@code start}. */
    private static int hunkEnd(List<String> lines, int start, int columns) {
        int[] counts = columns == 1 ? counts(lines.get(start)) : null;
        int i = start + 1;
        int n = lines.size();
        if (counts != null) {
            int oldLeft = counts[0];
            int newLeft = counts[1];
            while (i < n && (oldLeft > 0 || newLeft > 0 || lines.get(i).startsWith("\\"))) {
                String l = lines.get(i);
                char c = l.isEmpty() ? ' ' : l.charAt(0);
                if (c == '\\') {
                    i++;
                    continue;
                }
                if (c == '-' && oldLeft > 0) {
                    oldLeft--;
                } else if (c == '+' && newLeft > 0) {
                    newLeft--;
                } else if (c == ' ' && oldLeft > 0 && newLeft > 0) {
                    oldLeft--;
                    newLeft--;
                } else {
                    break;
                }
                i++;
            }
            return i;
        }
        while (i < n) {
            String l = lines.get(i);
            if (isHunkHeader(l) || isFileStart(lines, i) || !isBodyLine(l, columns)) {
                break;
            }
            i++;
        }
        return i;
    }

    private static boolean isBodyLine(String l, int columns) {
        if (l.startsWith("\\")) {
            return true;
        }
        if (l.length() < columns) {
            return l.isBlank();
        }
        for (int c = 0; c < columns; c++) {
            char ch = l.charAt(c);
            if (ch != ' ' && ch != '+' && ch != '-') {
                return false;
            }
        }
        return true;
    }

    /** Old and new line counts from {@code @@ -a,b +c,d @@}, or null when they do not parse. */
    private static int[] counts(String header) {
        try {
            int minus = header.indexOf('-');
            int plus = header.indexOf(" +", minus);
            int end = header.indexOf(" @@", plus);
            if (minus < 0 || plus < 0 || end < 0) {
                return null;
            }
            return new int[] {count(header.substring(minus + 1, plus)), count(header.substring(plus + 2, end))};
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static int count(String range) {
        int comma = range.indexOf(',');
        return comma < 0 ? 1 : Integer.parseInt(range.substring(comma + 1));
    }

    private static void flush(List<Block> out, List<String> text, int file) {
        if (!text.isEmpty()) {
            out.add(new Block(Kind.TEXT, new ArrayList<>(text), file, 0));
            text.clear();
        }
    }
}
