package dev.headroom.engine.transform.table;

import dev.headroom.engine.transform.text.Lines;
import dev.headroom.engine.transform.text.TextNormalizer;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Reads a compressor's output back: the tables it wrote (decoded with {@link TableTextDecoder}), the
 * retrieval markers after them, and the lines outside them.
 */
final class TableOutputs {

    /** One decoded table, the row count its title gives, and the marker line after it (or null). */
    record Shown(CellTable table, int total, String marker) {
    }

    final List<Shown> tables = new ArrayList<>();
    final List<String> otherLines = new ArrayList<>();

    private TableOutputs() {
    }

    /** The lines the compressor reads: all of them, normalized. */
    static List<String> lines(String text) {
        return TextNormalizer.normalizeLines(Lines.of(text).lines());
    }

    static TableOutputs read(String out) {
        TableOutputs r = new TableOutputs();
        int pos = 0;
        while (pos < out.length()) {
            int nl = out.indexOf('\n', pos);
            String line = out.substring(pos, nl < 0 ? out.length() : nl);
            if (line.startsWith("[") && line.contains(" row") && !line.startsWith("[headroom:")) {
                TableTextDecoder.Decoded d = TableTextDecoder.decode(out.substring(pos));
                String title = line.substring(1, line.indexOf(']'));
                String[] words = title.split("[ ;]");
                int total = words[1].equals("of") ? Integer.parseInt(words[2]) : Integer.parseInt(words[0]);
                pos += d.end() + 1;
                String marker = null;
                if (out.startsWith("[headroom: ", pos)) {
                    int end = out.indexOf('\n', pos);
                    marker = out.substring(pos, end < 0 ? out.length() : end);
                    pos = end < 0 ? out.length() : end + 1;
                }
                r.tables.add(new Shown(d.table(), total, marker));
                continue;
            }
            r.otherLines.add(line);
            pos = nl < 0 ? out.length() : nl + 1;
        }
        return r;
    }

    /** The omitted count a marker gives, checking its total and hash. */
    static int omitted(String marker, int total, String hash) {
        assertTrue(marker.startsWith("[headroom: "), marker);
        assertTrue(marker.endsWith("; headroom_retrieve hash=" + hash + "]"), marker);
        String[] words = marker.substring("[headroom: ".length()).split(" ");
        assertEquals("of", words[1], marker);
        assertEquals(total, Integer.parseInt(words[2]), marker);
        assertEquals("rows", words[3], marker);
        return Integer.parseInt(words[0]);
    }

    /** Asserts that every row of {@code kept} is a row of {@code original}, in the original order. */
    static void assertSubsequence(CellTable original, CellTable kept) {
        assertEquals(List.of(original.columns()), List.of(kept.columns()));
        int i = 0;
        for (String[] row : kept.rows()) {
            while (i < original.rowCount() && !java.util.Arrays.equals(original.rows().get(i), row)) {
                i++;
            }
            assertTrue(i < original.rowCount(), "not an original row in order: " + java.util.Arrays.toString(row));
            i++;
        }
    }
}
