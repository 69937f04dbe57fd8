package dev.headroom.engine.transform.json;

import java.util.ArrayList;
import java.util.List;

/**
 * Decides whether an array of objects can be written as a table without losing anything, and with
 * which columns. A table needs at least {@value #MIN_ROWS} objects whose keys all fit one column order
 * (each row's keys appear in the columns' order, no key twice in a row), with at least half of the
 * cells filled; otherwise key order or duplicates would be lost, or the table would be mostly holes.
 */
final class TableShape {

    static final int MIN_ROWS = 3;
    private static final int MAX_COLUMNS = 128;

    private TableShape() {
    }

    /** The column order for {@code array}, or null when it should stay a plain JSON array. */
    static String[] columns(List<Object> array) {
        int n = array.size();
        if (n < MIN_ROWS || !(array.get(0) instanceof JsonObject first) || first.size() == 0) {
            return null;
        }
        List<String> columns = new ArrayList<>(first.keys);
        if (hasDuplicates(columns)) {
            return null;
        }
        long filled = 0;
        for (int r = 0; r < n; r++) {
            if (!(array.get(r) instanceof JsonObject row)) {
                return null;
            }
            filled += row.size();
            if (!sameKeys(row, columns) && !merge(row, columns)) {
                return null;
            }
            if (columns.size() > MAX_COLUMNS) {
                return null;
            }
        }
        if (filled * 2 < (long) n * columns.size()) {
            return null;
        }
        return columns.toArray(new String[0]);
    }

    private static boolean sameKeys(JsonObject row, List<String> columns) {
        int size = row.size();
        if (size != columns.size()) {
            return false;
        }
        for (int i = 0; i < size; i++) {
            String k = row.key(i);
            String c = columns.get(i);
            if (k != c && !k.equals(c)) {
                return false;
            }
        }
        return true;
    }

    /**
     * Checks that the row's keys are a subsequence of the columns, inserting unknown keys right after
     * the row's previous key so that the order stays consistent. False when the row contradicts it.
     */
    private static boolean merge(JsonObject row, List<String> columns) {
        int previous = -1;
        for (int i = 0; i < row.size(); i++) {
            String key = row.key(i);
            int at = indexOf(columns, key, previous + 1);
            if (at < 0) {
                if (indexOf(columns, key, 0) >= 0) {
                    return false; // known key, but before the previous one, or a duplicate in this row
                }
                at = previous + 1;
                columns.add(at, key);
            }
            previous = at;
        }
        return true;
    }

    private static int indexOf(List<String> columns, String key, int from) {
        for (int i = from; i < columns.size(); i++) {
            String c = columns.get(i);
            if (c == key || c.equals(key)) {
                return i;
            }
        }
        return -1;
    }

    private static boolean hasDuplicates(List<String> keys) {
        for (int i = 1; i < keys.size(); i++) {
            if (indexOf(keys.subList(0, i), keys.get(i), 0) >= 0) {
                return true;
            }
        }
        return false;
    }

    /**
     * True for objects that work as maps (ids to records, names to numbers, keys to messages): most
     * values share one kind. A record with mixed fields (one API object) never loses keys.
     */
    static boolean isMapLike(JsonObject o) {
        int objects = 0;
        int strings = 0;
        int numbers = 0;
        for (Object v : o.values) {
            if (v instanceof JsonObject) {
                objects++;
            } else if (v instanceof String) {
                strings++;
            } else if (v instanceof JsonNumber) {
                numbers++;
            }
        }
        int most = Math.max(objects, Math.max(strings, numbers));
        return most >= 0.9 * o.size();
    }
}
