package dev.headroom.engine.transform.text;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DuplicateLinesTest {

    @Test
    void foldsRunsWithACount() {
        String in = "Downloading index...\nDownloading index...\nDownloading index...\ndone\n";
        assertEquals("Downloading index... [x3]\ndone\n", DuplicateLines.foldText(in));
    }

    @Test
    void leavesShortAndBlankRunsAlone() {
        String in = "}\n}\n\n\n\nx\n";
        assertSame(in, DuplicateLines.foldText(in));
    }

    @Test
    void refusesInputThatAlreadyLooksFolded() {
        String in = "a line that ends like a fold [x3]\nrepeated line here\nrepeated line here\nrepeated line here\n";
        assertFalse(DuplicateLines.canFold(Lines.of(in).lines()));
        assertSame(in, DuplicateLines.foldText(in));
        // suffixes that are not counts of 2+ do not block folding
        assertTrue(DuplicateLines.canFold(List.of("x [x1]", "x [x01]", "x [xy]", "x[x3]")));
    }

    @Test
    void roundTripsRandomInput() {
        Random r = new Random(42);
        String[] pool = {"INFO heartbeat ok", "WARN retrying connection to db-1", "", "  indented line", "x", "[x2]", "a [x]"};
        for (int round = 0; round < 500; round++) {
            List<String> lines = new ArrayList<>();
            int n = r.nextInt(60);
            for (int i = 0; i < n; i++) {
                String l = pool[r.nextInt(pool.length)];
                int repeat = 1 + (r.nextInt(4) == 0 ? r.nextInt(30) : 0);
                for (int k = 0; k < repeat; k++) {
                    lines.add(l);
                }
            }
            String text = Lines.join(lines, r.nextBoolean());
            String folded = DuplicateLines.foldText(text);
            assertTrue(folded.length() <= text.length());
            assertEquals(text, DuplicateLines.unfoldText(folded), "round trip failed for: " + text);
        }
    }
}
