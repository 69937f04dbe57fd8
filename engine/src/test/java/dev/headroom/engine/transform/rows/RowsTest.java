package dev.headroom.engine.transform.rows;

import dev.headroom.engine.relevance.QueryTerms;
import dev.headroom.engine.relevance.RelevanceScorer;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The shared row selection on text cells: signals, numbers with units, and what the omitted rows hold. */
class RowsTest {

    private static final String[] COLUMNS = {"NAME", "READY", "STATUS", "RESTARTS", "CPU"};

    private static List<String[]> pods() {
        List<String[]> rows = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            boolean crash = i == 31;
            rows.add(new String[] {"api-" + i, crash ? "0/1" : "1/1", crash ? "CrashLoopBackOff" : "Running",
                crash ? "17 (3m ago)" : "0", i == 44 ? "1900m" : (10 + i % 7) + "m"});
        }
        return rows;
    }

    private static List<String> texts(List<String[]> rows) {
        List<String> out = new ArrayList<>();
        for (String[] r : rows) {
            out.add(String.join(" ", r));
        }
        return out;
    }

    @Test
    void numbersWithUnits() {
        assertEquals(42, CellNumbers.parse("42"));
        assertEquals(-0.5, CellNumbers.parse("-0.5"));
        assertEquals(97, CellNumbers.parse("97%"));
        assertEquals(1.6e9, CellNumbers.parse("1.6G"), 1);
        assertEquals(256 * 1024 * 1024, CellNumbers.parse("256Mi"));
        assertEquals(0.1, CellNumbers.parse("100m"), 1e-9);
        for (String s : new String[] {"", "1/1", "3d2h", "v1.2", ".", "-", "1.", "10.0.0.1", "Running", "0x1f"}) {
            assertTrue(Double.isNaN(CellNumbers.parse(s)), s);
        }
    }

    @Test
    void keepsTheErrorRowTheRareStatusAndTheCpuOutlier() {
        List<String[]> rows = pods();
        RowTable table = RowTable.ofText(COLUMNS, rows);
        boolean[] keep = RowSelector.select(texts(rows), table, QueryTerms.of(""), 8, RelevanceScorer.bm25());
        assertTrue(keep[31], "CrashLoopBackOff");
        assertTrue(keep[44], "1900m CPU");
        assertTrue(keep[0] && keep[1] && keep[59], "anchors");
        assertEquals(8, RowSelector.count(keep));
    }

    @Test
    void theQuestionPicksItsRow() {
        List<String[]> rows = pods();
        boolean[] keep = RowSelector.select(texts(rows), RowTable.ofText(COLUMNS, rows), QueryTerms.of("what is wrong with api-17?"),
                6, RelevanceScorer.bm25());
        assertTrue(keep[17]);
    }

    @Test
    void describesWhatTheOmittedRowsHold() {
        List<String[]> rows = pods();
        RowTable table = RowTable.ofText(COLUMNS, rows);
        boolean[] keep = new boolean[rows.size()];
        keep[0] = keep[31] = keep[44] = true;
        assertEquals("READY 1/1, STATUS Running, RESTARTS 0, CPU 10m-16m", OmittedRows.describe(table, keep));
        keep = new boolean[rows.size()];
        assertEquals("CPU 10m-1900m, READY mostly 1/1, STATUS mostly Running", OmittedRows.describe(table, keep));
        boolean[] all = new boolean[rows.size()];
        java.util.Arrays.fill(all, true);
        assertNull(OmittedRows.describe(table, all));
    }

    @Test
    void markerDetailNeverHoldsCharactersThatEndAMarker() {
        String cleaned = OmittedRows.clean("a]b[c;d(e)f\ng");
        assertFalse(cleaned.contains("]") || cleaned.contains("[") || cleaned.contains(";") || cleaned.contains("\n"), cleaned);
        assertEquals(OmittedRows.MAX_VALUE, OmittedRows.clean("x".repeat(100)).length());
    }
}
