package dev.headroom.engine.transform.table;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Lossless mode loses no cell: the table text decodes back to the very same cells, whatever they hold. */
class TableTextRoundTripTest {

    static void assertRoundTrip(CellTable table) {
        String text = TableText.encode(table, ColumnDefaults.choose(table));
        TableTextDecoder.Decoded decoded = TableTextDecoder.decode(text);
        assertEquals(table, decoded.table(), text);
        assertEquals(text.length(), decoded.end(), "the whole text is the table");
        String plain = TableText.encode(table, new String[table.columnCount()]);
        assertEquals(table, TableTextDecoder.decode(plain).table(), plain);
    }

    private static CellTable table(String[] columns, String[]... rows) {
        return new CellTable(columns, List.of(rows));
    }

    @Test
    void trickyCells() {
        String[] cols = {"a", "b", "last"};
        assertRoundTrip(table(cols, new String[] {"x", "y", "z"}, new String[] {"x", "y", "z"}, new String[] {"x", "y", "z"}));
        assertRoundTrip(table(cols, new String[] {"", "", ""}, new String[] {"x", "", ""}, new String[] {"x", "", ""},
            new String[] {"x", "", ""}));
        assertRoundTrip(table(cols, new String[] {"a,b", "\"q\"", "c, d, \"e\""}, new String[] {" lead", "trail ", "\"starts"},
            new String[] {"multi\nline", "cr\rhere", "=eq"}, new String[] {"", "y", ""}));
        assertRoundTrip(table(new String[] {"", "a=b", "c,d", "\"q"}, new String[] {"1", "2", "3", "4"}));
        assertRoundTrip(table(cols, new String[] {"d", "d", "d"}, new String[] {"d", "d", "d"}, new String[] {"d", "d", ""},
            new String[] {"", "", ""}, new String[] {"d", "", "d"}));
        assertRoundTrip(table(cols, new String[] {"x", "y", ""}));
    }

    @Test
    void everySampleTableRoundTrips() {
        for (String sample : TokenFigures.samples().values()) {
            for (TableSpan span : RecordsCompressor.spans(TableOutputs.lines(sample))) {
                assertRoundTrip(span.table());
            }
            List<TableSpan> spans = TableFinder.find(TableOutputs.lines(sample));
            for (TableSpan span : spans) {
                assertRoundTrip(span.table());
            }
        }
    }

    @Test
    void randomTablesRoundTrip() {
        Random random = new Random(20261206);
        String[] alphabet = {"a", "b", "Running", ",", "\"", " ", "\n", "=", "x y", "", "", "0", "1/1", "é", "\t"};
        for (int t = 0; t < 300; t++) {
            int cols = 1 + random.nextInt(5);
            String[] columns = new String[cols];
            for (int c = 0; c < cols; c++) {
                columns[c] = cell(random, alphabet, 3);
            }
            List<String[]> rows = new ArrayList<>();
            int n = random.nextInt(12);
            for (int r = 0; r < n; r++) {
                String[] row = new String[cols];
                for (int c = 0; c < cols; c++) {
                    row[c] = random.nextInt(3) == 0 ? "Running" : cell(random, alphabet, 4);
                }
                rows.add(row);
            }
            assertRoundTrip(new CellTable(columns, rows));
        }
    }

    private static String cell(Random random, String[] alphabet, int max) {
        StringBuilder sb = new StringBuilder();
        int n = random.nextInt(max + 1);
        for (int i = 0; i < n; i++) {
            sb.append(alphabet[random.nextInt(alphabet.length)]);
        }
        return sb.toString();
    }
}
