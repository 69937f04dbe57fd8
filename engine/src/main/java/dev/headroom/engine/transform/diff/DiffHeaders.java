package dev.headroom.engine.transform.diff;

import java.util.ArrayList;
import java.util.List;

/**
 * A lossless, shorter form of git's file headers, which name the path four times:
 * <pre>
 * diff --git a/src/Foo.java b/src/Foo.java        diff --git src/Foo.java
 * index 0d5b14c..573f2ba 100644            -&gt;     index 0d5b14c..573f2ba 100644
 * --- a/src/Foo.java                               @@ -6,8 +6,14 @@ ...
 * +++ b/src/Foo.java
 * @@ -6,8 +6,14 @@ ...
 * </pre>
 * About 28 of the 45 cl100k tokens of such a header go.
 *
 * <p>Grammar. A <em>short header</em> is a line {@code "diff --git " P} where P holds no space, tab or quote.
 * It stands for {@code "diff --git a/" P " b/" P}; the extended header lines that follow it ({@code index},
 * {@code new file mode}, {@code deleted file mode}, mode, similarity, rename, copy and binary lines) are
 * verbatim; if the first line after them is a hunk header ({@code @@ -}), the two lines
 * {@code "--- a/" P} (or {@code --- /dev/null} after {@code new file mode}) and {@code "+++ b/" P} (or
 * {@code +++ /dev/null} after {@code deleted file mode}) stand before it.
 *
 * <p>Why it is unambiguous: git's own {@code diff --git} line always names two paths, so it always holds a
 * space after {@code diff --git }; a short header never does. A header is only shortened when its two paths
 * are the same space-free P and its {@code ---}/{@code +++} lines are exactly the implied ones (or absent and no
 * hunk follows: a mode change, a binary file, an empty new file); {@link #fold} gives back its input when any
 * line already looks like a short header. {@link #unfold} is the decoder.
 */
public final class DiffHeaders {

    private static final String GIT = "diff --git ";

    private DiffHeaders() {
    }

    /** The lines with every foldable git file header shortened; the same list when none is. */
    public static List<String> fold(List<String> lines) {
        for (String l : lines) {
            if (isShortHeader(l)) {
                return lines;
            }
        }
        List<String> out = new ArrayList<>(lines.size());
        boolean changed = false;
        int i = 0;
        int n = lines.size();
        while (i < n) {
            String path = samePath(lines.get(i));
            if (path == null) {
                out.add(lines.get(i++));
                continue;
            }
            int j = i + 1;
            boolean created = false;
            boolean deleted = false;
            while (j < n && isExtendedHeader(lines.get(j))) {
                created |= lines.get(j).startsWith("new file mode");
                deleted |= lines.get(j).startsWith("deleted file mode");
                j++;
            }
            String minus = created ? "--- /dev/null" : "--- a/" + path;
            String plus = deleted ? "+++ /dev/null" : "+++ b/" + path;
            boolean implied = j + 2 < n && lines.get(j).equals(minus) && lines.get(j + 1).equals(plus)
                    && DiffParser.isHunkHeader(lines.get(j + 2));
            boolean none = j >= n || !lines.get(j).startsWith("--- ") && !DiffParser.isHunkHeader(lines.get(j));
            if (!implied && !none) {
                out.add(lines.get(i++));
                continue;
            }
            out.add(GIT + path);
            out.addAll(lines.subList(i + 1, j));
            changed = true;
            i = implied ? j + 2 : j;
        }
        return changed ? out : lines;
    }

    /** The decoder: every short header back to git's three header lines. */
    public static List<String> unfold(List<String> lines) {
        List<String> out = new ArrayList<>(lines.size() + 16);
        int i = 0;
        int n = lines.size();
        while (i < n) {
            String l = lines.get(i++);
            if (!isShortHeader(l)) {
                out.add(l);
                continue;
            }
            String path = l.substring(GIT.length());
            out.add(GIT + "a/" + path + " b/" + path);
            boolean created = false;
            boolean deleted = false;
            while (i < n && isExtendedHeader(lines.get(i))) {
                created |= lines.get(i).startsWith("new file mode");
                deleted |= lines.get(i).startsWith("deleted file mode");
                out.add(lines.get(i++));
            }
            if (i < n && DiffParser.isHunkHeader(lines.get(i))) {
                out.add(created ? "--- /dev/null" : "--- a/" + path);
                out.add(deleted ? "+++ /dev/null" : "+++ b/" + path);
            }
        }
        return out;
    }

    /** {@code diff --git P}: one path, no space. */
    static boolean isShortHeader(String line) {
        return line.startsWith(GIT) && line.length() > GIT.length() && isPlainPath(line, GIT.length(), line.length());
    }

    /** P when the line is {@code diff --git a/P b/P} with a plain P, else null. */
    private static String samePath(String line) {
        if (!line.startsWith(GIT + "a/")) {
            return null;
        }
        int from = GIT.length() + 2;
        int rest = line.length() - from;
        // "P b/P": the path is (rest - 3) / 2 characters long
        if (rest < 5 || (rest - 3) % 2 != 0) {
            return null;
        }
        int len = (rest - 3) / 2;
        if (!line.startsWith(" b/", from + len) || !line.regionMatches(from, line, from + len + 3, len)
                || !isPlainPath(line, from, from + len)) {
            return null;
        }
        return line.substring(from, from + len);
    }

    private static boolean isPlainPath(String s, int from, int to) {
        for (int k = from; k < to; k++) {
            char c = s.charAt(k);
            if (c == ' ' || c == '\t' || c == '"' || c == '\r') {
                return false;
            }
        }
        return true;
    }

    /** git's extended header lines (everything a file header may hold but the {@code ---}/{@code +++} pair). */
    static boolean isExtendedHeader(String l) {
        return l.startsWith("index ") || l.startsWith("new file mode") || l.startsWith("deleted file mode")
                || l.startsWith("old mode") || l.startsWith("new mode") || l.startsWith("similarity index")
                || l.startsWith("dissimilarity index") || l.startsWith("rename from") || l.startsWith("rename to")
                || l.startsWith("copy from") || l.startsWith("copy to") || l.startsWith("Binary files")
                || l.startsWith("GIT binary patch");
    }
}
