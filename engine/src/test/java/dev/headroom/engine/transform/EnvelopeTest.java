package dev.headroom.engine.transform;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class EnvelopeTest {

    @Test
    void splitsCodexExecCommandHeaders() {
        String text = "Chunk ID: 5a1f\nWall time: 0.21 seconds\nProcess exited with code 1\nOriginal token count: 5120\nOutput:\n[{\"a\":1}]\n";
        Envelope e = Envelope.split(text);
        assertEquals("Chunk ID: 5a1f\nWall time: 0.21 seconds\nProcess exited with code 1\nOriginal token count: 5120\nOutput:\n", e.header());
        assertEquals("[{\"a\":1}]\n", e.body());
        assertEquals(text, e.header() + e.body());
    }

    @Test
    void plainOutputHasNoEnvelope() {
        assertNull(Envelope.split("[INFO] Scanning for projects...\nOutput:\nx"));
        assertNull(Envelope.split("Output:\nx"));
        assertNull(Envelope.split("just text"));
        assertNull(Envelope.split("Error: something\nand then prose without an output line\n"));
    }
}
