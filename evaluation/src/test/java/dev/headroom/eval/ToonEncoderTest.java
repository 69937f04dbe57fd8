package dev.headroom.eval;

import dev.headroom.engine.tokens.JtokkitCounter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** TOON is an outside reference: without node or the package the report says so and carries on. */
class ToonEncoderTest {

    @TempDir
    Path dir;

    private static DistinctUnit jsonUnit(String text) {
        JsonUnit json = new JsonUnit(JsonPayload.of(text).orElseThrow(), JtokkitCounter.o200k());
        return new DistinctUnit("json-api", "json", "json.table", text.length(), 10, 8, 6, json);
    }

    @Test
    void withoutNodeTheReferenceIsNotAvailable() {
        DistinctUnit unit = jsonUnit("[{\"id\": 1}, {\"id\": 2}]");
        ToonEncoder absent = new ToonEncoder(dir.resolve("no-such-node").toString(), dir);
        assertEquals("node not found", JsonReferences.encodeToon(List.of(unit), absent));
        assertEquals(-1, unit.json().toonTokens());
        JsonReferences table = new JsonReferences();
        table.add(unit);
        assertTrue(table.toJson().path("ALL").path("tokensToon").isNull(), "null in report.json");
    }

    @Test
    void withoutThePackageTheReferenceIsNotAvailable() throws Exception {
        Path fakeNode = Files.createFile(dir.resolve("node"));
        assumeTrue(fakeNode.toFile().setExecutable(true));
        String why = new ToonEncoder(fakeNode.toString(), dir).encode(List.of("[1]")).unavailable();
        assertEquals("@toon-format/toon not installed (npm ci in evaluation/toon)", why);
    }

    @Test
    void withNodeAndThePackageEveryPayloadIsEncodedInOneRun() {
        Path toon = StabilityCheckTest.root().resolve("evaluation/toon");
        assumeTrue(Files.isDirectory(toon.resolve("node_modules/@toon-format/toon")), "npm ci not run in evaluation/toon");
        ToonEncoder encoder = new ToonEncoder("node", toon);
        ToonEncoder.Encodings e = encoder.encode(List.of("{\"a\":[{\"id\":1,\"n\":\"x\"},{\"id\":2,\"n\":\"y\"}]}", "[1,2]"));
        assumeTrue(e.available(), e.unavailable());
        assertEquals(List.of("a[2]{id,n}:\n  1,x\n  2,y", "[2]: 1,2"), e.texts());
        DistinctUnit unit = jsonUnit(HandmadeCorpus.CODEX_JSON);
        assertNull(JsonReferences.encodeToon(List.of(unit), encoder));
        assertFalse(unit.json().toonTokens() < 0);
    }
}
