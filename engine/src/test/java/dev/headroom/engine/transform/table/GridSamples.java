package dev.headroom.engine.transform.table;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Deterministic result grids of {@code psql} (aligned format) and {@code mysql -t}, and the same orders as
 * CSV (RFC 4180 quoting, one field with a line break) and as the tab-separated output of {@code mysql -B}.
 * Row 137 was refused by the payment gateway; row 211 is far larger than the others.
 */
final class GridSamples {

    static final String[] COLUMNS = {"id", "customer_email", "status", "amount", "currency", "region", "created_at", "note"};

    private GridSamples() {
    }

    static List<String[]> orders(int n, long seed) {
        Random r = new Random(seed);
        String[] names = {"alice", "bob", "carol", "dave", "erin", "frank", "grace", "heidi", "ivan", "judy", "mallory", "oscar"};
        List<String[]> rows = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            String status = i == 137 ? "FAILED" : i % 23 == 5 ? "REFUNDED" : i % 11 == 3 ? "PENDING" : "PAID";
            String amount = i == 211 ? "98450.00" : (10 + r.nextInt(290)) + "." + String.format("%02d", r.nextInt(100));
            String note = i == 137 ? "payment gateway refused: card declined" : i % 23 == 5 ? "customer said \"damaged\", refund issued"
                    : i % 40 == 7 ? "gift wrap" : "";
            rows.add(new String[] {String.valueOf(100000 + i), names[i % names.length] + (i / names.length) + "@example.com",
                status, amount, "EUR", i % 9 == 4 ? "us-east-1" : "eu-west-1",
                String.format("2024-05-%02d %02d:%02d:%02d", 1 + i / 48, (i / 2) % 24, r.nextInt(60), r.nextInt(60)), note});
        }
        return rows;
    }

    private static boolean numeric(String s) {
        return !s.isEmpty() && s.chars().allMatch(c -> c >= '0' && c <= '9' || c == '.');
    }

    /** {@code psql} aligned output: centered headers, numbers right-aligned, a {@code (N rows)} footer. */
    static String psql(List<String[]> rows) {
        int[] w = widths(rows);
        StringBuilder sb = new StringBuilder();
        StringBuilder header = new StringBuilder();
        StringBuilder rule = new StringBuilder();
        for (int c = 0; c < COLUMNS.length; c++) {
            int left = (w[c] - COLUMNS[c].length()) / 2;
            header.append(c == 0 ? " " : " | ").append(" ".repeat(left)).append(COLUMNS[c])
                    .append(" ".repeat(w[c] - COLUMNS[c].length() - left));
            rule.append(c == 0 ? "" : "+").append("-".repeat(w[c] + 2));
        }
        sb.append(header.toString().stripTrailing()).append('\n').append(rule).append('\n');
        for (String[] row : rows) {
            StringBuilder line = new StringBuilder();
            for (int c = 0; c < row.length; c++) {
                line.append(c == 0 ? " " : " | ").append(pad(row[c], w[c], numeric(row[c]) && c != 6));
            }
            sb.append(line.toString().stripTrailing()).append('\n');
        }
        return sb.append('(').append(rows.size()).append(rows.size() == 1 ? " row)\n" : " rows)\n").append('\n').toString();
    }

    /** {@code mysql -t}: a {@code +---+} rule above and below the header and after the last row. */
    static String mysql(List<String[]> rows) {
        int[] w = widths(rows);
        StringBuilder rule = new StringBuilder("+");
        StringBuilder header = new StringBuilder("|");
        for (int c = 0; c < COLUMNS.length; c++) {
            rule.append("-".repeat(w[c] + 2)).append('+');
            header.append(' ').append(pad(COLUMNS[c], w[c], false)).append(" |");
        }
        StringBuilder sb = new StringBuilder().append(rule).append('\n').append(header).append('\n').append(rule).append('\n');
        for (String[] row : rows) {
            sb.append('|');
            for (int c = 0; c < row.length; c++) {
                String v = row[c].isEmpty() && c == 7 ? "NULL" : row[c];
                sb.append(' ').append(pad(v, w[c], numeric(v))).append(" |");
            }
            sb.append('\n');
        }
        return sb.append(rule).append('\n').append(rows.size()).append(" rows in set (0.02 sec)\n").toString();
    }

    private static int[] widths(List<String[]> rows) {
        int[] w = new int[COLUMNS.length];
        for (int c = 0; c < w.length; c++) {
            w[c] = Math.max(COLUMNS[c].length(), 4);
            for (String[] row : rows) {
                w[c] = Math.max(w[c], row[c].length());
            }
        }
        return w;
    }

    private static String pad(String s, int width, boolean right) {
        String fill = " ".repeat(Math.max(0, width - s.length()));
        return right ? fill + s : s + fill;
    }

    /** RFC 4180 CSV with a header; row 100 has a note with a line break inside quotes. */
    static String csv(List<String[]> rows) {
        StringBuilder sb = new StringBuilder(String.join(",", COLUMNS)).append("\r\n");
        for (int i = 0; i < rows.size(); i++) {
            String[] row = rows.get(i).clone();
            if (i == 100) {
                row[7] = "address changed:\nsee ticket 4471";
            }
            for (int c = 0; c < row.length; c++) {
                String v = row[c];
                boolean quote = v.indexOf(',') >= 0 || v.indexOf('"') >= 0 || v.indexOf('\n') >= 0;
                sb.append(c == 0 ? "" : ",").append(quote ? '"' + v.replace("\"", "\"\"") + '"' : v);
            }
            sb.append("\r\n");
        }
        return sb.toString();
    }

    /** {@code mysql -B -e 'select ...'}: tab-separated with a header, {@code NULL} for missing values. */
    static String tsv(List<String[]> rows) {
        StringBuilder sb = new StringBuilder(String.join("\t", COLUMNS)).append('\n');
        for (String[] row : rows) {
            for (int c = 0; c < row.length; c++) {
                sb.append(c == 0 ? "" : "\t").append(row[c].isEmpty() ? "NULL" : row[c]);
            }
            sb.append('\n');
        }
        return sb.toString();
    }
}
