package dev.headroom.engine.transform.table;

import dev.headroom.engine.transform.ContentType;

import java.util.ArrayList;
import java.util.List;

/**
 * The head-only check {@link dev.headroom.engine.transform.ContentDetector} asks for tables: the head's
 * lines (as given, leading spaces kept, since a {@code psql} header starts with one) hold tables
 * ({@link TableFinder}) that cover at least half of its non-blank lines. A last line without its line
 * break may have been cut by the head limit and is left out.
 */
public final class TabularDetector {

    private static final int MAX_LINES = 200;

    private TabularDetector() {
    }

    /** {@link ContentType#TABLE}, or null when the head is not mostly tables. */
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
        int covered = 0;
        for (TableSpan span : TableFinder.find(lines)) {
            covered += span.to() - span.from();
        }
        return covered * 2 >= nonBlank ? ContentType.TABLE : null;
    }

    /** The head's complete lines, at most {@value #MAX_LINES}, trailing whitespace removed. */
    static List<String> lines(String head) {
        List<String> out = new ArrayList<>();
        int start = 0;
        while (start < head.length() && out.size() < MAX_LINES) {
            int nl = head.indexOf('\n', start);
            if (nl < 0) {
                break;
            }
            out.add(head.substring(start, nl).stripTrailing());
            start = nl + 1;
        }
        return out;
    }
}
