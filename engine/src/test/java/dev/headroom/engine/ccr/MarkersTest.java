package dev.headroom.engine.ccr;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MarkersTest {

    private static final String HASH = "0123456789abcdef01234567";

    @Test
    void describesWhatWasLeftOutInWords() {
        String m = Markers.omitted(212, 240, "rows", "status PAID, region eu-west-1", HASH);
        assertEquals("[headroom: 212 of 240 rows omitted (status PAID, region eu-west-1); headroom_retrieve hash="
                + HASH + "]", m);
        assertEquals(java.util.Set.of(HASH), Markers.hashes(m));
    }

    @Test
    void leavesOutTheTotalAndDetailWhenUnknown() {
        assertEquals("[headroom: 3 lines omitted; headroom_retrieve hash=" + HASH + "]",
                Markers.omitted(3, 0, "lines", " ", HASH));
        assertEquals(Markers.omitted(3, "lines", HASH), Markers.omitted(3, 0, "lines", null, HASH));
        assertTrue(Markers.containsMarker(Markers.omitted(1, 1, "rows", null, HASH)));
    }
}
