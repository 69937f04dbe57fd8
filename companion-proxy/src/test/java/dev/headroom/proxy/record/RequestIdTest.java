package dev.headroom.proxy.record;

import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.Set;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RequestIdTest {

    @Test
    void requestIdsAreDistinctVersion4Uuids() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 10_000; i++) {
            String id = ExchangeRecorder.newRequestId();
            UUID u = UUID.fromString(id);
            assertEquals(4, u.version(), id);
            assertEquals(2, u.variant(), id);
            assertEquals(id, u.toString());
            assertTrue(seen.add(id), "repeated " + id);
        }
    }
}
