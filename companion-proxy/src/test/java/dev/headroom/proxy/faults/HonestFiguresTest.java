package dev.headroom.proxy.faults;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.headroom.engine.store.HeadroomHome;
import dev.headroom.proxy.HeadroomProxy;
import dev.headroom.proxy.ProxyConfig;
import dev.headroom.proxy.support.Bodies;
import dev.headroom.testsupport.FakeLlmUpstream;
import dev.headroom.testsupport.Fault;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Savings are counted only for exchanges that succeeded, and a request's before/after/saved come from one counter
 * on one text (its tool outputs); body sizes are recorded as bytes. /stats, the log and the ledger agree.
 */
class HonestFiguresTest {

    static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path home;

    private HttpResponse<String> post(HttpClient c, HeadroomProxy p, String body) throws Exception {
        return c.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + p.port() + "/v1/messages"))
                .header("x-api-key", "k").header("content-type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void failedAndCutExchangesCountNoSavingsAndEveryTotalAgrees() throws Exception {
        Path log = home.resolve("logs/requests.jsonl");
        HttpClient c = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        try (FakeLlmUpstream up = FakeLlmUpstream.start(0);
             HeadroomProxy p = HeadroomProxy.start(ProxyConfig.fromEnvironment(Map.of()).withPort(0)
                     .withHome(HeadroomHome.of(home)).withLogFile(log, false)
                     .withAnthropicUrl(up.baseUrl()).withOpenaiUrl(up.baseUrl()))) {
            up.faultNext(Fault.status(529));
            assertEquals(529, post(c, p, Bodies.anthropicWithToolResult("f1", false)).statusCode());
            up.faultNext(Fault.dropAfterEvents(2));
            post(c, p, Bodies.anthropicWithToolResult("f2", true));
            String good = Bodies.anthropicWithToolResult("ok", false);
            HttpResponse<String> ok = post(c, p, good);
            assertEquals(200, ok.statusCode());
            p.drain();

            List<String> lines = Files.readAllLines(log);
            assertEquals(3, lines.size());
            long loggedSaved = 0;
            for (String l : lines) {
                JsonNode n = JSON.readTree(l);
                assertEquals(n.get("input_tokens_original").asLong() - n.get("input_tokens_optimized").asLong(),
                        n.get("tokens_saved").asLong(), l);
                loggedSaved += n.get("tokens_saved").asLong();
            }
            JsonNode failed = JSON.readTree(lines.get(0));
            assertEquals(0, failed.get("tokens_saved").asLong(), "a 529 saved nothing: " + failed);
            assertEquals(0, JSON.readTree(lines.get(1)).get("tokens_saved").asLong(), "a cut stream saved nothing");
            JsonNode success = JSON.readTree(lines.get(2));
            long before = success.get("input_tokens_original").asLong();
            long saved = success.get("tokens_saved").asLong();
            assertTrue(saved > 500, success.toString());
            // one counter, one text: the tool outputs' tokens (not the whole body's bytes / 4), labelled so
            assertTrue(success.get("tokenizer").asText().endsWith("of tool outputs"), success.toString());
            assertTrue(before != Math.round(good.getBytes(StandardCharsets.UTF_8).length / 4.0), success.toString());
            assertEquals(good.getBytes(StandardCharsets.UTF_8).length, success.get("bytes_before").asLong());
            assertEquals(up.requests().get(up.requests().size() - 1).body().length, success.get("bytes_after").asLong());
            assertEquals(Long.parseLong(ok.headers().firstValue("x-headroom-tokens-saved").orElseThrow()), saved);

            JsonNode stats = JSON.readTree(c.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + p.port()
                    + "/stats")).build(), HttpResponse.BodyHandlers.ofString()).body());
            assertEquals(loggedSaved, stats.at("/tokens/saved").asLong(), stats.toString());
            assertEquals(loggedSaved, stats.at("/persistent_savings/lifetime/tokens_saved").asLong(), stats.toString());
            assertEquals(1, stats.at("/persistent_savings/lifetime/requests").asLong(), stats.toString());
        }
    }
}
