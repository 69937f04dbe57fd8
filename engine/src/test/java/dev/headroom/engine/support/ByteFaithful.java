package dev.headroom.engine.support;

import dev.headroom.engine.CompressionResult;
import dev.headroom.engine.format.JsonSpans;
import dev.headroom.engine.format.RequestScan;
import dev.headroom.engine.format.RequestScanner;
import dev.headroom.engine.format.ToolOutput;

import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Checks the byte-faithful rule: the output equals the input with only the tool-output string spans
 * replaced (each by a valid JSON string) and, optionally, the retrieve tool inserted. Every other byte
 * must be identical and in the same order.
 */
public final class ByteFaithful {

    private ByteFaithful() {
    }

    public static void check(byte[] original, CompressionResult result) {
        if (!result.modified()) {
            assertArrayEquals(original, result.body(), "unmodified output must be the original bytes");
            return;
        }
        RequestScan scan = RequestScanner.scan(original, result.format());
        byte[] out = result.body();
        int src = 0;
        int dst = 0;
        int insertAt = result.retrieveToolInjected()
                ? (scan.toolsStart() >= 0 ? scan.toolsEnd() : scan.rootEnd()) : Integer.MAX_VALUE;
        for (ToolOutput unit : scan.outputs()) {
            if (insertAt < unit.start()) {
                throw new AssertionError("retrieve tool insertion point precedes a unit");
            }
            dst = expectSame(original, src, unit.start(), out, dst);
            int end = JsonSpans.stringEnd(out, dst);
            JsonSpans.decode(out, dst, end); // must be a valid JSON string
            dst = end;
            src = unit.end(original);
        }
        if (insertAt != Integer.MAX_VALUE) {
            dst = expectSame(original, src, insertAt, out, dst);
            int tail = original.length - insertAt;
            int inserted = out.length - dst - tail;
            assertTrue(inserted > 0, "retrieve tool bytes missing");
            String ins = new String(out, dst, inserted, java.nio.charset.StandardCharsets.UTF_8);
            assertTrue(ins.contains("\"headroom_retrieve\""), "inserted bytes are the retrieve tool");
            dst += inserted;
            src = insertAt;
        }
        expectSame(original, src, original.length, out, dst);
        assertEquals(out.length - dst, original.length - src, "tail length");
    }

    private static int expectSame(byte[] original, int from, int to, byte[] out, int dst) {
        int len = to - from;
        assertTrue(dst + len <= out.length, "output shorter than the unchanged bytes it must hold");
        if (!Arrays.equals(original, from, to, out, dst, dst + len)) {
            throw new AssertionError("bytes " + from + ".." + to + " of the original changed");
        }
        return dst + len;
    }
}
