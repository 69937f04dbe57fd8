package dev.headroom.proxy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.headroom.engine.store.HeadroomHome;
import dev.headroom.testsupport.FakeLlmUpstream;
import dev.headroom.testsupport.Usage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The spend cap end to end: a real proxy on loopback in front of the fake LLM upstream (which reports fixed
 * usage), with the shared SQLite store in a temp HEADROOM_HOME. Each call to claude-sonnet-4-5 reports 200,000
 * input tokens, i.e. $0.60 at $3/M, so a $1 daily budget lets two calls through and refuses the third.
 */
class BudgetTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ANTHROPIC = "{\"model\":\"claude-sonnet-4-5-20250929\",\"max_tokens\":64,"
            + "\"messages\":[{\"role\":\"user\",\"content\":\"hello\"}]}";
    private static final String CHAT = "{\"model\":\"gpt-4o\",\"messages\":[{\"role\":\"user\",\"content\":\"hello\"}]}";

    @TempDir
    Path home;
    FakeLlmUpstream upstream;
    HeadroomProxy proxy;
    final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @BeforeEach
    void startUpstream() throws Exception {
        upstream = FakeLlmUpstream.start(0).usage(new Usage(200_000, 0, 0, 0));
    }

    @AfterEach
    void stop() {
        if (proxy != null) {
            proxy.close();
        }
        upstream.close();
    }

    private HeadroomProxy start(String budget, String period) throws Exception {
        ProxyConfig c = ProxyConfig.fromEnvironment(Map.of("HEADROOM_HOME", home.toString()))
                .withPort(0).withAnthropicUrl(upstream.baseUrl()).withOpenaiUrl(upstream.baseUrl())
                .withHome(HeadroomHome.of(home)).withBudget(budget, period);
        return HeadroomProxy.start(c);
    }

    private HttpResponse<String> post(String path, String body) throws Exception {
        return client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + proxy.port() + path))
                .header("content-type", "application/json").header("x-api-key", "sk-ant-test")
                .header("anthropic-version", "2023-06-01").header("authorization", "Bearer sk-test")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private JsonNode budgetStats() throws Exception {
        HttpResponse<String> r = client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + proxy.port()
                + "/stats")).GET().build(), HttpResponse.BodyHandlers.ofString());
        return JSON.readTree(r.body()).path("budget");
    }

    @Test
    void requestsPassUntilTheBudgetIsSpentThenGet429InTheProvidersShapeAndSpendSurvivesARestart() throws Exception {
        proxy = start("1", null);
        JsonNode b = budgetStats();
        assertEquals(1.0, b.path("limit_usd").asDouble());
        assertEquals("daily", b.path("period").asText());
        assertEquals(0.0, b.path("spent_usd").asDouble());

        assertEquals(200, post("/v1/messages", ANTHROPIC).statusCode());
        assertEquals(200, post("/v1/messages", ANTHROPIC).statusCode(), "$0.60 spent, under the $1 cap");
        assertEquals(2, upstream.requests().size());

        HttpResponse<String> refused = post("/v1/messages", ANTHROPIC);
        assertEquals(429, refused.statusCode(), refused.body());
        JsonNode e = JSON.readTree(refused.body());
        assertEquals("error", e.path("type").asText());
        assertEquals("rate_limit_error", e.path("error").path("type").asText());
        assertEquals("headroom: daily budget of $1.00 reached ($1.20 spent); raise --budget or wait for the next "
                + "period", e.path("error").path("message").asText());
        long retryAfter = Long.parseLong(refused.headers().firstValue("retry-after").orElseThrow());
        assertTrue(retryAfter >= 1 && retryAfter <= 25 * 3600, "seconds to the next local day: " + retryAfter);

        HttpResponse<String> chat = post("/v1/chat/completions", CHAT);
        assertEquals(429, chat.statusCode(), chat.body());
        JsonNode o = JSON.readTree(chat.body()).path("error");
        assertEquals("insufficient_quota", o.path("type").asText());
        assertEquals("budget_exceeded", o.path("code").asText());
        assertTrue(o.path("message").asText().startsWith("headroom: daily budget of $1.00 reached"));
        assertTrue(chat.headers().firstValue("retry-after").isPresent());
        assertEquals(2, upstream.requests().size(), "refused requests never reach the upstream");

        assertEquals(200, post("/v1/messages/count_tokens", ANTHROPIC).statusCode(), "counting tokens is free");
        b = budgetStats();
        assertEquals(1.2, b.path("spent_usd").asDouble(), 1e-9);
        assertEquals(0.0, b.path("remaining_usd").asDouble(), 1e-9);

        proxy.close();
        proxy = start("1", "daily");
        assertEquals(1.2, budgetStats().path("spent_usd").asDouble(), 1e-9, "the restarted proxy remembers the spend");
        assertEquals(429, post("/v1/messages", ANTHROPIC).statusCode());
        assertEquals(3, upstream.requests().size(), "only count_tokens went up since");

        proxy.close();
        proxy = start("5", "monthly");
        assertEquals(200, post("/v1/chat/completions", CHAT).statusCode(), "a raised budget lets requests through");
        // gpt-4o: 200,000 prompt tokens at $2.50/M
        assertEquals(1.7, budgetStats().path("spent_usd").asDouble(), 1e-9);
        assertEquals("monthly", budgetStats().path("period").asText());
    }

    @Test
    void withoutABudgetSpendIsStillCountedAndStatsSayNoCap() throws Exception {
        proxy = start(null, null);
        assertEquals(200, post("/v1/messages", ANTHROPIC).statusCode());
        assertEquals(200, post("/v1/messages", ANTHROPIC).statusCode());
        assertEquals(200, post("/v1/messages", ANTHROPIC).statusCode());
        JsonNode b = budgetStats();
        assertTrue(b.has("limit_usd") && b.path("limit_usd").isNull(), b.toString());
        assertEquals("daily", b.path("period").asText());
        assertEquals(1.8, b.path("spent_usd").asDouble(), 1e-9);
    }

    @Test
    void bypassedAndPassThroughRequestsAreStillPricedFromTheAnsweringModel() throws Exception {
        proxy = start("1", null);
        HttpResponse<String> bypassed = client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:"
                        + proxy.port() + "/v1/messages")).header("content-type", "application/json")
                .header("x-api-key", "sk-ant-test").header("x-headroom-bypass", "true")
                .POST(HttpRequest.BodyPublishers.ofString(ANTHROPIC)).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, bypassed.statusCode());
        proxy.close();
        proxy = HeadroomProxy.start(ProxyConfig.fromEnvironment(Map.of("HEADROOM_HOME", home.toString()))
                .withPort(0).withAnthropicUrl(upstream.baseUrl()).withOpenaiUrl(upstream.baseUrl())
                .withHome(HeadroomHome.of(home)).withOptimize(false).withBudget("1", null));
        assertEquals(200, post("/v1/messages", ANTHROPIC.replace("\"max_tokens\":64,", "\"stream\":true,"
                + "\"max_tokens\":64,")).statusCode());
        assertEquals(1.2, budgetStats().path("spent_usd").asDouble(), 1e-9, "a bypassed call and a streamed "
                + "pass-through call, $0.60 each");
        assertEquals(429, post("/v1/messages", ANTHROPIC).statusCode());
    }

    @Test
    void unknownModelsCostNothingButAreCounted() throws Exception {
        proxy = start("0.01", "hourly");
        String unknown = ANTHROPIC.replace("claude-sonnet-4-5-20250929", "made-up-model");
        assertEquals(200, post("/v1/messages", unknown).statusCode());
        assertEquals(200, post("/v1/messages", unknown).statusCode());
        JsonNode b = budgetStats();
        assertEquals(0.0, b.path("spent_usd").asDouble());
        assertEquals(2, b.path("unpriced_responses").asLong());
        assertEquals("hourly", b.path("period").asText());
    }
}
