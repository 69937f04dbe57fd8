package dev.headroom.engine.transform.table;

import com.fasterxml.jackson.databind.JsonNode;
import dev.headroom.engine.CompressionMode;
import dev.headroom.engine.CompressionResult;
import dev.headroom.engine.EngineSettings;
import dev.headroom.engine.HeadroomEngine;
import dev.headroom.engine.RequestOptions;
import dev.headroom.engine.ccr.InMemoryRetrievalStore;
import dev.headroom.engine.memo.InMemoryDecisionMemo;
import dev.headroom.engine.support.Requests;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Table outputs inside whole requests (Claude Code's Bash results, Codex's exec_command envelope) reach the table compressors. */
class TablesThroughTheEngineTest {

    private static List<String> outputs() {
        return List.of(ClusterSamples.pods(150, 11), GridSamples.psql(GridSamples.orders(300, 6)),
                GridSamples.csv(GridSamples.orders(300, 7)), RecordSamples.aptCacheShow(24, 1), RecordSamples.describePod());
    }

    @Test
    void anthropicRequestUnitsAreRoutedToTablesAndStayRetrievable() throws Exception {
        List<String> outputs = outputs();
        byte[] body = Requests.bytes(Requests.anthropic("Why is the OOMKilled pod restarting?", outputs.toArray(new String[0])));
        InMemoryRetrievalStore store = new InMemoryRetrievalStore();
        HeadroomEngine engine = HeadroomEngine.create(EngineSettings.defaults(), store, new InMemoryDecisionMemo());
        CompressionResult r = engine.compress(body, RequestOptions.defaults());
        assertTrue(r.modified());
        assertEquals(List.of("table", "table", "csv", "records", "records"), r.units().stream().map(u -> u.contentType()).toList());
        // the describe output is a failing pod's (error words): its Events table alone saves too little, so the
        // balanced fallback selects around its error lines
        assertEquals(List.of("table.compact+table.select", "table.compact+table.select", "csv.compact+csv.select",
                "records.compact+records.select", "fallback+log.select-around-errors"),
                r.units().stream().map(u -> u.transform()).toList());
        for (String hash : r.ccrHashes()) {
            assertTrue(outputs.contains(store.get(hash).orElseThrow()), "original stored under " + hash);
        }
        JsonNode sent = Requests.JSON.readTree(r.body());
        String pods = sent.get("messages").get(2).get("content").get(0).get("content").asText();
        assertTrue(pods.contains(",OOMKilled,"), pods);
        assertTrue(pods.contains(" of 150 rows omitted (READY 1/1, STATUS Running"), pods);
        byte[] again = HeadroomEngine.create(EngineSettings.defaults()).compress(body, RequestOptions.defaults()).body();
        assertEquals(new String(r.body()), new String(again), "deterministic");
        r.units().forEach(u -> System.out.printf("  %s %s: %d -> %d chars%n", u.contentType(), u.transform(), u.charsBefore(),
                u.charsAfter()));
    }

    @Test
    void codexEnvelopeAndLosslessMode() {
        String output = "Chunk ID: 5a1f\nWall time: 0.21 seconds\nProcess exited with code 0\nOriginal token count: 3100\nOutput:\n"
                + HostSamples.psAux(120, 5);
        byte[] body = Requests.bytes(Requests.responses("which process uses the most CPU?", output));
        CompressionResult r = HeadroomEngine.create(EngineSettings.defaults())
                .compress(body, RequestOptions.defaults().withMode(CompressionMode.LOSSLESS));
        assertEquals("table", r.units().get(0).contentType());
        assertEquals("unwrap+table.compact", r.units().get(0).transform());
        assertFalse(r.units().get(0).lossy());
        assertTrue(r.units().get(0).charsAfter() < r.units().get(0).charsBefore() * 0.6);
        assertTrue(r.ccrHashes().isEmpty());
    }
}
