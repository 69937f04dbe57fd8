package dev.headroom.engine.transform.table;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Turns consecutive key-value records that share their keys ({@code apt-cache show} of several
 * packages) into one table, keys once as columns and one row per record: on {@code apt-cache show}
 * this saves 17 % of the tokens, where stating the constant fields once and keeping the records saves 9 %.
 * A continued value keeps its continuation lines, as written, in its cell.
 *
 * <p>Records qualify when each has at least {@value #MIN_KEYS} keys, none twice and none empty, in an order
 * every record agrees with (as JSON tables merge their keys), and at least half of all the keys appear in
 * every record. A key a record lacks is an empty cell.
 */
final class RecordTable {

    static final int MIN_KEYS = 3;
    static final int MIN_RECORDS = 2;

    private RecordTable() {
    }

    /** The records found as a table span over the lines, from the first record to the last, or null. */
    static TableSpan find(List<String> lines) {
        List<int[]> blocks = blocks(lines);
        List<List<KeyValueLines.Field>> records = new ArrayList<>();
        int from = -1;
        int to = -1;
        for (int[] b : blocks) {
            List<KeyValueLines.Field> r = KeyValueLines.record(lines, b[0], b[1]);
            if (r == null || r.size() < MIN_KEYS) {
                if (records.size() >= MIN_RECORDS) {
                    break;
                }
                records.clear();
                continue;
            }
            if (records.isEmpty()) {
                from = b[0];
            }
            records.add(r);
            to = b[1];
        }
        if (records.size() < MIN_RECORDS) {
            return null;
        }
        List<String> columns = columns(records);
        if (columns == null) {
            return null;
        }
        List<String[]> rows = new ArrayList<>(records.size());
        for (List<KeyValueLines.Field> r : records) {
            String[] row = new String[columns.size()];
            java.util.Arrays.fill(row, "");
            for (KeyValueLines.Field f : r) {
                row[columns.indexOf(f.key())] = f.value();
            }
            rows.add(row);
        }
        return new TableSpan(from, to, new CellTable(columns.toArray(new String[0]), rows), "records");
    }

    /** The runs of non-blank lines, as {@code [from, to)}. */
    static List<int[]> blocks(List<String> lines) {
        List<int[]> out = new ArrayList<>();
        int i = 0;
        while (i < lines.size()) {
            if (lines.get(i).isBlank()) {
                i++;
                continue;
            }
            int start = i;
            while (i < lines.size() && !lines.get(i).isBlank()) {
                i++;
            }
            out.add(new int[] {start, i});
        }
        return out;
    }

    /** The merged key order, or null when records disagree on it, repeat a key, or share too few keys. */
    private static List<String> columns(List<List<KeyValueLines.Field>> records) {
        List<String> columns = new ArrayList<>();
        for (List<KeyValueLines.Field> r : records) {
            Set<String> seen = new HashSet<>();
            int previous = -1;
            for (KeyValueLines.Field f : r) {
                if (!seen.add(f.key()) || f.value().isEmpty()) {
                    return null; // a repeated key, or an empty value a missing key would be confused with
                }
                int at = columns.indexOf(f.key());
                if (at < 0) {
                    at = previous + 1;
                    columns.add(at, f.key());
                } else if (at <= previous) {
                    return null;
                }
                previous = at;
            }
        }
        int shared = 0;
        for (String c : columns) {
            boolean everywhere = true;
            for (List<KeyValueLines.Field> r : records) {
                everywhere &= r.stream().anyMatch(f -> f.key().equals(c));
            }
            shared += everywhere ? 1 : 0;
        }
        return shared * 2 >= columns.size() ? columns : null;
    }
}
