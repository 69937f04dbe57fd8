package dev.headroom.engine.transform.wrap;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class UnwrapperTest {

    private static final String CODEX_HEADER = "Chunk ID: 5a1f\nWall time: 0.21 seconds\nProcess exited with code 1\n"
            + "Original token count: 5120\nOutput:\n";

    private static List<String> texts(Framing f) {
        return f.parts().stream().map(p -> (p.payload() ? "P:" : "V:") + p.text()).toList();
    }

    @Test
    void codexExecHeaderStaysVerbatim() {
        String text = CODEX_HEADER + "[{\"a\":1}]\n";
        Framing f = Unwrapper.frame(text);
        assertEquals(List.of("V:" + CODEX_HEADER, "P:[{\"a\":1}]\n"), texts(f));
        assertEquals(text, f.join());
    }

    @Test
    void codexTruncationNoticeAndMiddleCutAreSeenThrough() {
        String notice = "Warning: truncated output (original token count: 10646)\nTotal output lines: 1\n\n";
        String text = CODEX_HEADER + notice + "{\"data\": [{\"id\": 1}, {\"id\": 2}, {\"id\": 3, \"name\": \"Ni"
                + "\u2026646 tokens truncated\u2026" + ", \"tier\": \"GOLD\"}, {\"id\": 9}]}";
        Framing f = Unwrapper.frame(text);
        assertEquals(List.of("V:" + CODEX_HEADER + notice, "P:{\"data\": [{\"id\": 1}, {\"id\": 2}, {\"id\": 3, \"name\": \"Ni",
                "V:\u2026646 tokens truncated\u2026", "P:, \"tier\": \"GOLD\"}, {\"id\": 9}]}"), texts(f));
        assertTrue(f.parts().get(1).cutAfter());
        assertFalse(f.parts().get(1).cutBefore());
        assertTrue(f.parts().get(3).cutBefore());
        assertFalse(f.parts().get(3).cutAfter());
        assertEquals(text, f.join());
    }

    @Test
    void claudeExitCodeLineAndPersistedOutputPreview() {
        String failed = "Exit code 1\n[INFO] Scanning for projects...\n";
        assertEquals(List.of("V:Exit code 1\n", "P:[INFO] Scanning for projects...\n"), texts(Unwrapper.frame(failed)));
        String persisted = "<persisted-output>\nOutput too large (41.6KB). Full output saved to: /home/dev/x.txt\n\n"
                + "Preview (first 2KB):\n{\"data\": [{\"id\": 1000}, {\"id\": 10\n...\n</persisted-output>";
        Framing f = Unwrapper.frame(persisted);
        assertEquals(List.of("V:<persisted-output>\nOutput too large (41.6KB). Full output saved to: /home/dev/x.txt\n\n"
                + "Preview (first 2KB):\n", "P:{\"data\": [{\"id\": 1000}, {\"id\": 10", "V:\n...\n</persisted-output>"), texts(f));
        assertTrue(f.parts().get(1).cutAfter());
        assertEquals(persisted, f.join());
    }

    @Test
    void aWrapperSaysWhenTheCommandFailed() {
        assertTrue(Unwrapper.saysFailed(CODEX_HEADER + "FAIL\n"));
        assertFalse(Unwrapper.saysFailed(CODEX_HEADER.replace("code 1", "code 0") + "ok\n"));
        assertTrue(Unwrapper.saysFailed("Exit code 2\nnpm ERR! missing script\n"));
        assertFalse(Unwrapper.saysFailed("Exit code 0\nfine\n"));
        assertFalse(Unwrapper.saysFailed("Process exited with code 1 but no header\n"));
    }

    @Test
    void plainOutputIsOnePayload() {
        for (String text : List.of("[INFO] Scanning for projects...\nOutput:\nx", "Output:\nx", "just text",
                "Error: something\nand then prose without an output line\n", "Exit code one\n", "\u2026 not a cut\u2026")) {
            Framing f = Unwrapper.frame(text);
            assertTrue(f.isPlain(), text);
            assertEquals(text, f.join());
        }
    }
}
