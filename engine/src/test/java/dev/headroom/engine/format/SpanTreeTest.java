package dev.headroom.engine.format;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SpanTreeTest {

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void stringSpansPointAtTheQuotesEvenAfterMultibyteTextAndEscapes() {
        byte[] body = utf8("{\"system\":\"h\u00e9llo \u65e5\u672c \\\"q\\\" \\\\\",\"messages\":[ {\"role\":\"user\",\"content\":\"x\\ny\"} ]}");
        SpanTree.Obj root = SpanTree.read(body);
        SpanTree.Str system = (SpanTree.Str) root.get("system");
        assertEquals('"', body[system.start]);
        assertEquals("h\u00e9llo \u65e5\u672c \"q\" \\", system.text(body));
        SpanTree.Arr messages = (SpanTree.Arr) root.get("messages");
        SpanTree.Obj msg = (SpanTree.Obj) messages.items.get(0);
        assertEquals("user", msg.str("role"));
        SpanTree.Str content = (SpanTree.Str) msg.get("content");
        assertEquals("x\ny", content.text(body));
        assertEquals(']', body[messages.end]);
        assertEquals('}', body[root.end]);
    }

    @Test
    void skippedRootContainersKeepTheirOffsets() {
        byte[] body = utf8("{\"tools\": [ {\"name\":\"a\"} , {\"name\":\"b\"} ], \"metadata\":{\"x\":[1,2]},\"messages\":[]}");
        SpanTree.Obj root = SpanTree.read(body);
        SpanTree.Scalar tools = (SpanTree.Scalar) root.get("tools");
        assertEquals('[', body[tools.start]);
        assertEquals(']', body[tools.end]);
        assertTrue(root.get("metadata") instanceof SpanTree.Scalar);
    }

    @Test
    void rejectsNonObjectsAndTrailingGarbage() {
        assertThrows(IllegalArgumentException.class, () -> SpanTree.read(utf8("[1,2]")));
        assertThrows(IllegalArgumentException.class, () -> SpanTree.read(utf8("{\"a\":1} x")));
        assertThrows(IllegalArgumentException.class, () -> SpanTree.read(utf8("{\"a\":")));
        assertThrows(IllegalArgumentException.class, () -> SpanTree.read(utf8("")));
    }

    @Test
    void encodeThenDecodeIsIdentity() {
        String s = "tab\there \"quoted\" back\\slash \u0001 ctl \u65e5\u672c emoji \uD83D\uDE00\nnew line";
        byte[] enc = JsonSpans.encode(s);
        assertEquals(enc.length, JsonSpans.stringEnd(enc, 0));
        assertEquals(s, JsonSpans.decode(enc, 0, enc.length));
    }
}
