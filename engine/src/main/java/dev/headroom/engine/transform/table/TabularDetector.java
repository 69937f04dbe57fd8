package dev.headroom.engine.transform.table;

import dev.headroom.engine.transform.ContentType;
import dev.headroom.engine.transform.rows.RowSignals;

import java.util.ArrayList;
import java.util.List;

/**
 * The head-only check {@link dev.headroom.engine.transform.ContentDetector} asks for tables: the head's
 * lines (as given, leading spaces kept, since a {@code psql} header starts with one) hold tables
 * ({@link TableFinder}) that cover at least half of its non-blank lines, or a Maven dependency tree
 * ({@link DependencyTree}) a third of them ({@link ContentType#TABLE}), or
 * start with a CSV or TSV header and rows ({@link CsvLayout}, {@link ContentType#CSV}). A last line
 * without its line break may have been cut by the head limit and is left out.
 */
public final class TabularDetector {

    private static final int MAX_LINES = 200;

    private TabularDetector() {
    }

    /** The tabular type of the head, or null when it is not mostly tables, CSV or records. */
    public static ContentType detect(String head) {
        List<String> lines = lines(head);
        int nonBlank = 0;
        for (String l : lines) {
            if (!l.isBlank()) {
                nonBlank++;
            }
        }
        if (nonBlank < 3) {
            return null;
        }
        List<String> stripped = new ArrayList<>(lines.size());
        for (String l : lines) {
            stripped.add(l.stripTrailing());
        }
        int covered = 0;
        for (TableSpan span : TableFinder.find(stripped)) {
            covered += span.to() - span.from();
        }
        if (covered * 2 >= nonBlank || dependencyTree(stripped, nonBlank)) {
            return ContentType.TABLE;
        }
        if (CsvLayout.find(lines) != null) {
            return ContentType.CSV;
        }
        return SystemdStatus.looksLike(stripped) || records(stripped, nonBlank) ? ContentType.RECORDS : null;
    }

    /**
     * {@code Key: value} lines and their continuations (at most one line in ten of another kind), keys not
     * repeated within a record, even with other numbers (a log of {@code INFO: ...} or {@code line 12: ...} lines
     * repeats them); and either mostly key lines
     * in two records with {@value RecordTable#MIN_KEYS} keys or more (or one with eight), or one record
     * that starts with a key and has eight top-level keys and nothing but keys and nested lines.
     */
    private static boolean records(List<String> lines, int nonBlank) {
        int keys = 0;
        int other = 0;
        int richBlocks = 0;
        boolean longBlock = false;
        for (int[] b : RecordTable.blocks(lines)) {
            java.util.Set<String> seen = new java.util.HashSet<>();
            int blockKeys = 0;
            for (int i = b[0]; i < b[1]; i++) {
                String l = lines.get(i);
                int colon = KeyValueLines.keyEnd(l, 0);
                if (colon > 0) {
                    blockKeys++;
                    seen.add(RowSignals.template(l.substring(0, colon)));
                } else if (!KeyValueLines.isContinuation(l)) {
                    other++;
                }
            }
            if (seen.size() * 10 < blockKeys * 7) {
                return false;
            }
            keys += blockKeys;
            richBlocks += blockKeys >= RecordTable.MIN_KEYS ? 1 : 0;
            longBlock |= blockKeys >= 8;
        }
        if (keys < 5 || other * 10 > nonBlank) {
            return false;
        }
        // kubectl describe: one record whose nested sections outnumber its top-level keys
        boolean nested = longBlock && other == 0 && KeyValueLines.keyEnd(lines.get(firstNonBlank(lines)), 0) > 0;
        return keys * 10 >= nonBlank * 4 && (richBlocks >= 2 || longBlock) || nested;
    }

    /** {@code mvn dependency:tree}: a tree drawn with {@code +- |  \- } that makes up a third of the head. */
    private static boolean dependencyTree(List<String> lines, int nonBlank) {
        int tree = DependencyTree.treeLines(lines);
        return tree >= 5 && tree * 3 >= nonBlank && !DependencyTree.find(lines).isEmpty();
    }

    private static int firstNonBlank(List<String> lines) {
        int i = 0;
        while (i < lines.size() - 1 && lines.get(i).isBlank()) {
            i++;
        }
        return i;
    }

    /** The head's complete lines, at most {@value #MAX_LINES}, without the CR of a CRLF. */
    static List<String> lines(String head) {
        List<String> out = new ArrayList<>();
        int start = 0;
        while (start < head.length() && out.size() < MAX_LINES) {
            int nl = head.indexOf('\n', start);
            if (nl < 0) {
                break;
            }
            out.add(head.substring(start, nl > start && head.charAt(nl - 1) == '\r' ? nl - 1 : nl));
            start = nl + 1;
        }
        return out;
    }
}
