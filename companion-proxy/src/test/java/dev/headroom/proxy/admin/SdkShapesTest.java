package dev.headroom.proxy.admin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.headroom.proxy.support.Bodies;
import dev.headroom.proxy.support.ProxyHarness;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The admin endpoints carry the fields the reference's npm SDK ({@code headroom-ai} 0.37.0) declares and reads, next
 * to this proxy's own. The SDK itself runs against the packaged proxy in {@code e2e} (HeadroomAiSdkIT); this
 * pins the shapes at unit level so a rename fails here first.
 */
class SdkShapesTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path home;

    @Test
    void healthAndStatsCarryTheSdkFields() throws Exception {
        try (ProxyHarness h = new ProxyHarness(home, c -> c)) {
            JsonNode health = JSON.readTree(h.get("/health").body());
            assertEquals("healthy", health.path("status").asText());
            for (String k : new String[] {"optimize", "cache", "rate_limit"}) {
                assertTrue(health.path("config").path(k).isBoolean(), "health.config." + k + " in " + health);
            }

            compress(h);
            JsonNode stats = JSON.readTree(h.get("/stats").body());
            for (String k : new String[] {"total", "cached", "rate_limited", "failed"}) {
                assertTrue(stats.path("requests").path(k).isNumber(), "requests." + k);
            }
            assertTrue(stats.path("requests").path("by_provider").isObject());
            assertTrue(stats.path("requests").path("by_model").isObject());
            for (String k : new String[] {"input", "output", "saved", "cli_tokens_avoided", "total_before_compression",
                    "savings_percent"}) {
                assertTrue(stats.path("tokens").path(k).isNumber(), "tokens." + k);
            }
            for (String section : new String[] {"latency", "overhead", "ttfb"}) {
                for (String k : new String[] {"average_ms", "min_ms", "max_ms", "p50_ms"}) {
                    assertTrue(stats.path(section).path(k).isNumber(), section + "." + k);
                }
            }
            for (String k : new String[] {"ccr_entries", "original_tokens_cached", "ccr_retrievals"}) {
                assertTrue(stats.path("compression").path(k).isNumber(), "compression." + k);
            }
            assertEquals(1, stats.path("compression").path("ccr_entries").asLong());
            assertEquals(1, stats.path("feedback_loop").path("total_compressions").asLong());
            for (String k : new String[] {"pipeline_timing", "waste_signals", "cost"}) {
                assertTrue(stats.path(k).isObject(), k);
            }
            assertTrue(stats.path("tokens").path("saved").asLong() > 0, stats.toString());
        }
    }

    @Test
    void retrieveAnswersTheSdkRetrieveResultAndCountsRetrievals() throws Exception {
        try (ProxyHarness h = new ProxyHarness(home, c -> c)) {
            String hash = compress(h);
            JsonNode first = JSON.readTree(h.send(h.post("/v1/retrieve", "{\"hash\":\"" + hash + "\"}")).body());
            assertEquals(hash, first.path("hash").asText());
            assertEquals(Bodies.bigToolOutput(), first.path("original_content").asText());
            assertEquals(300, first.path("original_item_count").asInt(), "one item per line of a text original");
            assertEquals(1, first.path("retrieval_count").asLong());
            assertTrue(first.has("tool_name") && first.has("compressed_item_count"), first.toString());
            JsonNode second = JSON.readTree(h.get("/v1/retrieve/" + hash).body());
            assertEquals(2, second.path("retrieval_count").asLong());

            JsonNode search = JSON.readTree(h.send(h.post("/v1/retrieve",
                    "{\"hash\":\"" + hash + "\",\"query\":\"batch 123 \"}")).body());
            assertEquals("batch 123", search.path("query").asText());
            assertEquals(search.path("results").size(), search.path("count").asInt());
            assertTrue(search.path("results").get(0).asText().contains("processed batch 123 in"),
                    "the line naming every term ranks first: " + search.path("results").get(0));

            JsonNode ccr = JSON.readTree(h.get("/v1/retrieve/stats").body());
            assertEquals(1, ccr.path("store").path("entries").asLong());
            assertTrue(ccr.path("store").path("retrievals").asLong() >= 3, ccr.toString());
            assertEquals("search", ccr.path("recent_retrievals").get(0).path("retrieval_type").asText());
            assertEquals(hash, ccr.path("recent_retrievals").get(0).path("hash").asText());
        }
    }

    @Test
    void retrieveReturnsALoneSurrogateAsItsEscapeNotAQuestionMark() throws Exception {
        try (ProxyHarness h = new ProxyHarness(home, c -> c)) {
            // a client sent a lone surrogate as an escape; the original must come back exactly
            String output = Bodies.esc(Bodies.bigToolOutput()).replace("processed batch 7 in", "processed \\uD800 batch 7 in");
            String req = "{\"model\":\"gpt-4o\",\"messages\":[{\"role\":\"user\",\"content\":\"errors?\"},"
                    + "{\"role\":\"tool\",\"tool_call_id\":\"c1\",\"content\":\"" + output + "\"}]}";
            JsonNode compressed = JSON.readTree(h.send(h.post("/v1/compress", req)).body());
            String hash = compressed.path("ccr_hashes").get(0).asText();
            String body = h.get("/v1/retrieve/" + hash).body();
            assertTrue(body.contains("processed \\uD800 batch 7 in"), "escaped as sent");
            assertEquals(Bodies.bigToolOutput().replace("processed batch 7 in", "processed \uD800 batch 7 in"),
                    JSON.readTree(body).path("original_content").asText());
        }
    }

    @Test
    void aMalformedCompressRequestIsAnErrorObjectTheSdkThrows() throws Exception {
        try (ProxyHarness h = new ProxyHarness(home, c -> c)) {
            var r = h.send(h.post("/v1/compress", "{\"model\":\"gpt-4o\"}"));
            assertEquals(400, r.statusCode());
            JsonNode error = JSON.readTree(r.body()).path("error");
            assertEquals("invalid_request_error", error.path("type").asText(), r.body());
            assertTrue(error.path("message").asText().contains("messages"), r.body());
        }
    }

    /** POSTs the big tool output to /v1/compress (OpenAI shape, as the SDK sends it) and returns its CCR hash. */
    private static String compress(ProxyHarness h) throws Exception {
        String req = "{\"model\":\"gpt-4o\",\"messages\":[{\"role\":\"user\",\"content\":\"errors?\"},"
                + "{\"role\":\"assistant\",\"content\":null,\"tool_calls\":[{\"id\":\"c1\",\"type\":\"function\","
                + "\"function\":{\"name\":\"bash\",\"arguments\":\"{}\"}}]},"
                + "{\"role\":\"tool\",\"tool_call_id\":\"c1\",\"content\":\"" + Bodies.esc(Bodies.bigToolOutput()) + "\"}]}";
        var r = h.send(h.post("/v1/compress", req));
        assertEquals(200, r.statusCode(), r.body());
        JsonNode json = JSON.readTree(r.body());
        assertTrue(json.path("ccr_hashes").size() > 0, r.body());
        return json.path("ccr_hashes").get(0).asText();
    }
}
