package dev.headroom.engine.transform.json;

import java.util.List;

/**
 * Where the elements of one large array (or the entries of a map-like object, by its values list) were
 * written in the lossless pass: the selector scores those spans, the planner budgets by their length.
 */
final class RecordedSpans {

    final List<Object> array;
    final String[] columns; // null for a plain array or a map's entries
    final boolean outermost;
    final int[] start;
    final int[] end;

    RecordedSpans(List<Object> array, String[] columns, boolean outermost) {
        this.array = array;
        this.columns = columns;
        this.outermost = outermost;
        this.start = new int[array.size()];
        this.end = new int[array.size()];
    }

    int writtenChars() {
        return start.length == 0 ? 0 : end[end.length - 1] - start[0];
    }
}
