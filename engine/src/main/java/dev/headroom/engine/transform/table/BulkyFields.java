package dev.headroom.engine.transform.table;

import java.util.ArrayList;
import java.util.List;

/**
 * The first lossy step for tables made of records, before whole records go: columns that only hold
 * checksums ({@code MD5sum}, {@code SHA256}, {@code Description-md5}: hex digests of 32 characters or more)
 * are left out, and values that run over several lines ({@code apt}'s long descriptions) keep their first
 * line. One marker counts the fields shortened or left out and names their columns.
 */
final class BulkyFields {

    static final int MIN_DIGEST = 32;

    /** The trimmed table, how many fields were shortened or left out, and the columns they belong to. */
    record Trimmed(CellTable table, int fields, List<String> columns) {
    }

    private BulkyFields() {
    }

    /** The table without its bulky fields, or null when it has none. */
    static Trimmed trim(CellTable table) {
        int k = table.columnCount();
        boolean[] digest = new boolean[k];
        for (int c = 0; c < k; c++) {
            boolean any = false;
            boolean all = true;
            for (String[] row : table.rows()) {
                if (!row[c].isEmpty()) {
                    any = true;
                    all &= isDigest(row[c]);
                }
            }
            digest[c] = any && all;
        }
        List<String> names = new ArrayList<>();
        List<String> touched = new ArrayList<>();
        for (int c = 0; c < k; c++) {
            if (!digest[c]) {
                names.add(table.columns()[c]);
            }
        }
        int fields = 0;
        List<String[]> rows = new ArrayList<>(table.rowCount());
        for (String[] row : table.rows()) {
            String[] out = new String[names.size()];
            int o = 0;
            for (int c = 0; c < k; c++) {
                String v = row[c];
                if (digest[c]) {
                    fields += v.isEmpty() ? 0 : 1;
                    addOnce(touched, table.columns()[c]);
                    continue;
                }
                int nl = v.indexOf('\n');
                if (nl >= 0) {
                    v = v.substring(0, nl);
                    fields++;
                    addOnce(touched, table.columns()[c]);
                }
                out[o++] = v;
            }
            rows.add(out);
        }
        return fields == 0 ? null : new Trimmed(new CellTable(names.toArray(new String[0]), rows), fields, touched);
    }

    private static void addOnce(List<String> list, String s) {
        if (!list.contains(s)) {
            list.add(s);
        }
    }

    static boolean isDigest(String v) {
        if (v.length() < MIN_DIGEST) {
            return false;
        }
        for (int i = 0; i < v.length(); i++) {
            char ch = v.charAt(i);
            if (!(ch >= '0' && ch <= '9' || ch >= 'a' && ch <= 'f' || ch >= 'A' && ch <= 'F')) {
                return false;
            }
        }
        return true;
    }
}
