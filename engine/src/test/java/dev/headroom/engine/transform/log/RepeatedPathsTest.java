package dev.headroom.engine.transform.log;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RepeatedPathsTest {

    private static final String RUSTC = "/rustc/0a1b2c3d4e5f60718293a4b5c6d7e8f901234567/library";

    @Test
    void aToolchainPrefixInEveryBacktraceFrameIsDefinedOnce() {
        List<String> lines = List.of("stack backtrace:", "   0: rust_begin_unwind",
                "             at " + RUSTC + "/std/src/panicking.rs:689:5", "   1: core::panicking::panic_fmt",
                "             at " + RUSTC + "/core/src/panicking.rs:80:14", "   2: core::panicking::assert_failed",
                "             at " + RUSTC + "/core/src/panicking.rs:394:5", "   3: geofence::tests::it_works",
                "             at ./src/polygon.rs:92:9");
        List<String> folded = RepeatedPaths.fold(lines);
        assertEquals(RepeatedPaths.LEGEND, folded.get(0));
        assertEquals("$P1 = " + RUSTC, folded.get(1));
        assertEquals("             at $P1/std/src/panicking.rs:689:5", folded.get(4));
        assertEquals(lines, RepeatedPaths.unfold(folded));
        assertTrue(String.join("\n", folded).length() < String.join("\n", lines).length());
    }

    @Test
    void quotedPythonTracebackPathsToo() {
        String site = "/usr/local/lib/python3.11/site-packages";
        List<String> lines = new ArrayList<>(List.of("Traceback (most recent call last):"));
        for (String f : List.of("django/core/handlers/exception.py", "django/core/handlers/base.py", "rest_framework/views.py")) {
            lines.add("  File \"" + site + "/" + f + "\", line 55, in inner");
            lines.add("    response = get_response(request)");
        }
        List<String> folded = RepeatedPaths.fold(lines);
        assertTrue(folded.contains("  File \"$P1/django/core/handlers/base.py\", line 55, in inner"), folded.toString());
        assertEquals(lines, RepeatedPaths.unfold(folded));
    }

    @Test
    void nothingRepeatedOrAmbiguousStaysAsItIs() {
        List<String> once = List.of("at " + RUSTC + "/std/src/a.rs:1", "at /home/dev/project/src/main.rs:9");
        assertSame(once, RepeatedPaths.fold(once));
        List<String> ambiguous = List.of("at " + RUSTC + "/a.rs", "at " + RUSTC + "/b.rs", "at " + RUSTC + "/c.rs", "cost $P1 here");
        assertSame(ambiguous, RepeatedPaths.fold(ambiguous));
    }

    @Test
    void randomLinesRoundTrip() {
        Random r = new Random(5);
        String[] roots = {RUSTC, "/usr/local/lib/python3.11/site-packages", "/home/dev/.gradle/caches/modules-2/files-2.1", "/x/y"};
        for (int round = 0; round < 300; round++) {
            List<String> lines = new ArrayList<>();
            for (int i = 0; i < 25; i++) {
                StringBuilder sb = new StringBuilder("line ").append(i);
                for (int k = 0; k < r.nextInt(3); k++) {
                    String sep = new String[] {" ", "\"", "(", "=", "", "x"}[r.nextInt(6)];
                    sb.append(sep).append(roots[r.nextInt(roots.length)]).append("/mod").append(r.nextInt(4)).append("/f.rs:").append(i);
                }
                lines.add(sb.toString());
            }
            assertEquals(lines, RepeatedPaths.unfold(RepeatedPaths.fold(lines)), lines.toString());
        }
    }
}
