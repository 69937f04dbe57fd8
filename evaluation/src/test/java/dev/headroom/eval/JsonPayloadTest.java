package dev.headroom.eval;

import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A tool output is a JSON unit when it, or what follows a Codex header, is one complete JSON object or array. */
class JsonPayloadTest {

    @Test
    void aPlainJsonOutputIsMinifiedWithoutRoundingNumbers() {
        JsonPayload p = JsonPayload.of("{\n  \"total\": 100.00,\n  \"ids\": [1, 2],\n  \"big\": 12345678901234567890\n}\n").orElseThrow();
        assertEquals("", p.wrapper());
        assertEquals("{\"total\":100.00,\"ids\":[1,2],\"big\":12345678901234567890}", p.minified());
    }

    @Test
    void aCodexHeaderIsTheWrapper() {
        JsonPayload p = JsonPayload.of(HandmadeCorpus.CODEX_JSON).orElseThrow();
        assertTrue(p.wrapper().startsWith("Chunk ID: 1cd35c\n") && p.wrapper().endsWith("Output:\n"), p.wrapper());
        assertEquals("{\"orders\":[{\"id\":1,\"total\":100.00}]}", p.minified());
    }

    @Test
    void aCodexHeaderWithTruncationLinesIsTheWrapper() {
        String header = "Chunk ID: 14a05b\nWall time: 0.0002 seconds\nProcess exited with code 0\nOriginal token count: 9\n"
                + "Output:\nWarning: truncated output (original token count: 9)\nTotal output lines: 1\n\n";
        JsonPayload p = JsonPayload.of(header + "[{\"a\": 1}]").orElseThrow();
        assertEquals(header, p.wrapper());
        assertEquals("[{\"a\":1}]", p.minified());
    }

    @Test
    void truncatedOrTrailingOrScalarOutputsAreNotJsonUnits() {
        String header = "Chunk ID: 1\nWall time: 0 seconds\nProcess exited with code 0\nOriginal token count: 9\nOutput:\n";
        assertEquals(Optional.empty(), JsonPayload.of(header + "{\"data\": [{\"id\": 1}, {\"id\": 2…9 tokens truncated…}]}"));
        assertEquals(Optional.empty(), JsonPayload.of("{\"a\": 1}\n{\"a\": 2}"), "two values (JSON lines)");
        assertEquals(Optional.empty(), JsonPayload.of("42"));
        assertEquals(Optional.empty(), JsonPayload.of("Exit code 1\n{\"a\": 1}"));
        assertEquals(Optional.empty(), JsonPayload.of("[INFO] Scanning for projects..."));
    }
}
