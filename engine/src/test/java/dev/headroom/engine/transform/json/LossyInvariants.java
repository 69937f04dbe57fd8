package dev.headroom.engine.transform.json;

import dev.headroom.engine.ccr.Markers;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Checks lossy output against its original: it decodes, every kept value is an original value (in
 * order), and every shortened array carries one marker whose count is exactly the number of elements
 * left out, with the right unit (rows for tables, items for plain arrays) and the unit's hash.
 */
final class LossyInvariants {

    private LossyInvariants() {
    }

    /** Asserts the invariants and returns the total number of elements the markers say were omitted. */
    static long check(Object original, String output, String hash) {
        JsonTableDecoder.Decoded decoded = JsonTableDecoder.decodeWithMarkers(output);
        for (String marker : decoded.markers()) {
            assertEquals(List.of(hash), List.copyOf(Markers.hashes(marker)), marker);
        }
        long[] omitted = {0};
        walk(original, decoded.tree(), decoded, omitted, "$");
        return omitted[0];
    }

    @SuppressWarnings("unchecked")
    private static void walk(Object original, Object kept, JsonTableDecoder.Decoded decoded, long[] omitted, String path) {
        if (original instanceof List<?> o && kept instanceof List<?> k) {
            List<Object> orig = (List<Object>) o;
            List<Object> keptList = (List<Object>) k;
            int i = 0;
            for (int j = 0; j < keptList.size(); j++) {
                while (i < orig.size() && !matches(orig.get(i), keptList.get(j))) {
                    i++;
                }
                if (i == orig.size()) {
                    fail(path + "[" + j + "] is not an original element in order: " + keptList.get(j));
                }
                walk(orig.get(i), keptList.get(j), decoded, omitted, path + "[" + i + "]");
                i++;
            }
            JsonTableDecoder.Omission omission = decoded.omission(keptList);
            int dropped = orig.size() - keptList.size();
            if (dropped == 0) {
                assertTrue(omission == null, path + ": marker on a complete array");
                return;
            }
            assertNotNull(omission, path + ": " + dropped + " elements dropped without a marker");
            assertEquals(dropped, omission.count(), path + ": marker count");
            boolean table = TableShape.columns(orig) != null;
            assertEquals(table ? "rows" : "items", omission.unit(), path + ": marker unit");
            omitted[0] += dropped;
        } else if (original instanceof JsonObject o && kept instanceof JsonObject k) {
            int i = 0;
            for (int j = 0; j < k.size(); j++) {
                while (i < o.size() && !o.key(i).equals(k.key(j))) {
                    i++;
                }
                if (i == o.size()) {
                    fail(path + "." + k.key(j) + " is not an original key in order");
                }
                walk(o.value(i), k.value(j), decoded, omitted, path + "." + o.key(i));
                i++;
            }
            JsonTableDecoder.Omission omission = decoded.omission(k);
            int dropped = o.size() - k.size();
            if (dropped == 0) {
                assertTrue(omission == null, path + ": marker on a complete object");
                return;
            }
            assertNotNull(omission, path + ": " + dropped + " keys dropped without a marker");
            assertEquals(dropped, omission.count(), path + ": marker count");
            assertEquals("keys", omission.unit(), path + ": marker unit");
            omitted[0] += dropped;
        } else if (!matches(original, kept)) {
            fail(path + ": " + kept + " is not " + original);
        }
    }

    /** Equal, or equal up to lossy shortening of nested arrays and blob markers. */
    private static boolean matches(Object original, Object kept) {
        if (original.equals(kept)) {
            return true;
        }
        if (original instanceof String && kept instanceof String s) {
            return s.startsWith("[headroom: 1 ") && s.contains(" blob omitted;") && OpaqueStrings.kind((String) original) != null;
        }
        if (original instanceof JsonObject o && kept instanceof JsonObject k) {
            int i = 0;
            for (int j = 0; j < k.size(); j++) {
                while (i < o.size() && !(o.key(i).equals(k.key(j)) && matches(o.value(i), k.value(j)))) {
                    i++;
                }
                if (i++ >= o.size()) {
                    return false;
                }
            }
            return true;
        }
        if (original instanceof List<?> o && kept instanceof List<?> k) {
            int i = 0;
            for (Object kv : k) {
                while (i < o.size() && !matches(o.get(i), kv)) {
                    i++;
                }
                if (i++ >= o.size()) {
                    return false;
                }
            }
            return true;
        }
        return false;
    }
}
