package dev.headroom.testsupport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FakeLlmUpstreamTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private FakeLlmUpstream up;

    @BeforeEach
    void start() throws IOException {
        up = FakeLlmUpstream.start(0);
    }

    @AfterEach
    void stop() {
        up.close();
    }

    private HttpResponse<String> post(String path, String body, String... headers) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(up.baseUrl() + path))
                .POST(HttpRequest.BodyPublishers.ofString(body)).header("content-type", "application/json");
        for (int i = 0; i < headers.length; i += 2) {
            b.header(headers[i], headers[i + 1]);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static List<String> eventNames(String sse) {
        return sse.lines().filter(l -> l.startsWith("event: ")).map(l -> l.substring(7)).collect(Collectors.toList());
    }

    private static List<JsonNode> dataOf(String sse) throws IOException {
        List<JsonNode> out = new ArrayList<>();
        for (String l : sse.lines().filter(l -> l.startsWith("data: ")).toList()) {
            String d = l.substring(6);
            if (!d.equals("[DONE]")) {
                out.add(JSON.readTree(d));
            }
        }
        return out;
    }

    @Test
    void anthropicJsonReplyCarriesUsageAndTheRequestIsRecordedByteForByte() throws Exception {
        String body = "{\"model\":\"claude-sonnet-4-5\",\"max_tokens\":64,\"messages\":[{\"role\":\"user\",\"content\":\"h\u00e9llo\"}]}";
        HttpResponse<String> r = post("/v1/messages?beta=true", body, "x-api-key", "sk-ant-dummy");
        assertEquals(200, r.statusCode());
        JsonNode msg = JSON.readTree(r.body());
        assertEquals("message", msg.path("type").asText());
        assertEquals("claude-sonnet-4-5", msg.path("model").asText());
        assertEquals(ToolScript.DEFAULT_TEXT, msg.path("content").path(0).path("text").asText());
        assertEquals("end_turn", msg.path("stop_reason").asText());
        assertTrue(msg.path("usage").path("input_tokens").asLong() > 0);
        assertTrue(msg.path("usage").has("cache_read_input_tokens"));
        assertTrue(msg.path("usage").has("cache_creation_input_tokens"));

        RecordedRequest rec = up.requests().get(0);
        assertEquals("POST", rec.method());
        assertEquals("/v1/messages?beta=true", rec.pathAndQuery());
        assertEquals("/v1/messages", rec.path());
        assertEquals("sk-ant-dummy", rec.header("X-Api-Key"));
        assertArrayEquals(body.getBytes(StandardCharsets.UTF_8), rec.body());
    }

    @Test
    void anthropicStreamUsesTheEventSequenceClaudeCodeAccepts() throws Exception {
        up.usage(new Usage(100, 7, 40, 60));
        HttpResponse<String> r = post("/some/prefix/v1/messages",
                "{\"model\":\"m\",\"stream\":true,\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}");
        assertTrue(r.headers().firstValue("content-type").orElse("").startsWith("text/event-stream"));
        assertEquals(List.of("message_start", "content_block_start", "ping", "content_block_delta",
                "content_block_stop", "message_delta", "message_stop"), eventNames(r.body()));
        List<JsonNode> data = dataOf(r.body());
        assertEquals(40, data.get(0).path("message").path("usage").path("cache_read_input_tokens").asLong());
        assertEquals(60, data.get(0).path("message").path("usage").path("cache_creation_input_tokens").asLong());
        assertEquals(ToolScript.DEFAULT_TEXT, data.get(3).path("delta").path("text").asText());
        assertEquals(7, data.get(5).path("usage").path("output_tokens").asLong());
    }

    @Test
    void responsesStreamEndsItemsWithOutputItemDoneAndCompletesWithUsage() throws Exception {
        HttpResponse<String> r = post("/v1/responses", "{\"model\":\"gpt-5\",\"stream\":true,\"input\":\"hi\"}");
        List<String> names = eventNames(r.body());
        assertEquals("response.created", names.get(0));
        assertTrue(names.contains("response.output_text.delta"));
        assertTrue(names.indexOf("response.output_item.done") < names.indexOf("response.completed"));
        assertEquals("response.completed", names.get(names.size() - 1));
        JsonNode completed = dataOf(r.body()).get(names.size() - 1);
        assertTrue(completed.path("response").path("usage").path("input_tokens").asLong() > 0);
        assertEquals(ToolScript.DEFAULT_TEXT,
                completed.path("response").path("output").path(0).path("content").path(0).path("text").asText());
    }

    @Test
    void chatStreamEndsWithDoneAndJsonHasUsage() throws Exception {
        HttpResponse<String> s = post("/v1/chat/completions",
                "{\"model\":\"gpt-5\",\"stream\":true,\"stream_options\":{\"include_usage\":true},"
                        + "\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}");
        assertTrue(s.body().strip().endsWith("data: [DONE]"));
        List<JsonNode> chunks = dataOf(s.body());
        assertEquals(ToolScript.DEFAULT_TEXT, chunks.stream()
                .map(c -> c.path("choices").path(0).path("delta").path("content").asText("")).collect(Collectors.joining()));
        assertTrue(chunks.get(chunks.size() - 1).path("usage").path("prompt_tokens").asLong() > 0);

        JsonNode j = JSON.readTree(post("/v1/chat/completions",
                "{\"model\":\"gpt-5\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}").body());
        assertEquals("stop", j.path("choices").path(0).path("finish_reason").asText());
        assertTrue(j.path("usage").path("total_tokens").asLong() > 0);
    }

    @Test
    void anthropicScriptedToolTurnsThenFinalText() throws Exception {
        up.script(ToolScript.empty().with(ToolScript.Step.of("RUN_SCRIPT", "All done.", "git log -3", "mvn -q test")));
        String user = "{\"role\":\"user\",\"content\":[{\"type\":\"text\",\"text\":\"RUN_SCRIPT please\"}]}";
        String toolUse = "{\"role\":\"assistant\",\"content\":[{\"type\":\"tool_use\",\"id\":\"t1\",\"name\":\"Bash\",\"input\":{}}]}";
        String result = "{\"role\":\"user\",\"content\":[{\"type\":\"tool_result\",\"tool_use_id\":\"t1\",\"content\":\"ok\"}]}";

        JsonNode first = JSON.readTree(post("/v1/messages", "{\"model\":\"m\",\"messages\":[" + user + "]}").body());
        assertEquals("tool_use", first.path("stop_reason").asText());
        assertEquals("Bash", first.path("content").path(0).path("name").asText());
        assertEquals("git log -3", first.path("content").path(0).path("input").path("command").asText());

        String second = post("/v1/messages", "{\"model\":\"m\",\"stream\":true,\"messages\":[" + user + "," + toolUse + "," + result + "]}").body();
        List<JsonNode> data = dataOf(second);
        assertEquals("tool_use", data.get(1).path("content_block").path("type").asText());
        JsonNode input = JSON.readTree(data.get(3).path("delta").path("partial_json").asText());
        assertEquals("mvn -q test", input.path("command").asText());
        assertEquals("tool_use", data.get(5).path("delta").path("stop_reason").asText());

        JsonNode third = JSON.readTree(post("/v1/messages", "{\"model\":\"m\",\"messages\":[" + user + "," + toolUse + ","
                + result + "," + toolUse + "," + result + "]}").body());
        assertEquals("All done.", third.path("content").path(0).path("text").asText());
    }

    @Test
    void responsesScriptedToolCallIsAnExecCommandFunctionCall() throws Exception {
        up.script(ToolScript.empty().with(ToolScript.Step.of("RUN_SCRIPT", "Done.", "grep -rn TODO src")));
        String body = "{\"model\":\"gpt-5\",\"stream\":true,\"input\":[{\"type\":\"message\",\"role\":\"user\","
                + "\"content\":[{\"type\":\"input_text\",\"text\":\"RUN_SCRIPT now\"}]}]}";
        String sse = post("/v1/responses", body).body();
        JsonNode done = dataOf(sse).stream().filter(n -> n.path("type").asText().equals("response.output_item.done"))
                .findFirst().orElseThrow();
        assertEquals("function_call", done.path("item").path("type").asText());
        assertEquals("exec_command", done.path("item").path("name").asText());
        assertEquals("grep -rn TODO src", JSON.readTree(done.path("item").path("arguments").asText()).path("cmd").asText());

        String withOutput = "{\"model\":\"gpt-5\",\"input\":[{\"type\":\"message\",\"role\":\"user\",\"content\":[{\"type\":\"input_text\","
                + "\"text\":\"RUN_SCRIPT now\"}]},{\"type\":\"function_call\",\"call_id\":\"c\",\"name\":\"exec_command\",\"arguments\":\"{}\"},"
                + "{\"type\":\"function_call_output\",\"call_id\":\"c\",\"output\":\"x\"}]}";
        JsonNode finalReply = JSON.readTree(post("/v1/responses", withOutput).body());
        assertEquals("Done.", finalReply.path("output").path(0).path("content").path(0).path("text").asText());
    }

    @Test
    void oneShotStatusFaultThenNormalReply() throws Exception {
        up.faultNext(Fault.status(529)).faultNext(Fault.status(429));
        String body = "{\"model\":\"m\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}";
        HttpResponse<String> first = post("/v1/messages", body);
        assertEquals(529, first.statusCode());
        assertEquals("overloaded_error", JSON.readTree(first.body()).path("error").path("type").asText());
        HttpResponse<String> second = post("/v1/chat/completions", body);
        assertEquals(429, second.statusCode());
        assertEquals("rate_limit_error", JSON.readTree(second.body()).path("error").path("type").asText());
        assertTrue(second.headers().firstValue("retry-after").isPresent());
        assertEquals(200, post("/v1/messages", body).statusCode());
        up.faultAlways(Fault.status(500, "{\"boom\":true}"));
        assertEquals("{\"boom\":true}", post("/v1/messages", body).body());
        assertEquals(500, post("/v1/messages", body).statusCode());
        up.clearFaults();
        assertEquals(200, post("/v1/messages", body).statusCode());
    }

    @Test
    void dropAfterEventsCutsTheStreamMidway() throws Exception {
        up.faultNext(Fault.delay(20).withDropAfterEvents(2));
        String body = "{\"model\":\"m\",\"stream\":true,\"messages\":[]}";
        String raw;
        try (java.net.Socket socket = new java.net.Socket("127.0.0.1", up.port())) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(("POST /v1/messages HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                    + "Content-Length: " + body.length() + "\r\n\r\n" + body).getBytes(StandardCharsets.UTF_8));
            raw = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        }
        assertTrue(raw.startsWith("HTTP/1.1 200"), raw);
        assertTrue(raw.contains("event: message_start"), raw);
        assertTrue(raw.contains("event: content_block_start"), raw);
        assertFalse(raw.contains("event: ping"), raw);
        assertFalse(raw.endsWith("0\r\n\r\n"), "the chunked body must not be terminated: " + raw);

        HttpRequest req = HttpRequest.newBuilder(URI.create(up.baseUrl() + "/v1/messages"))
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        up.faultNext(Fault.dropAfterEvents(1));
        assertThrows(IOException.class, () -> http.send(req, HttpResponse.BodyHandlers.ofString()));
    }

    @Test
    void slowStreamStillDeliversEveryEvent() throws Exception {
        up.faultNext(Fault.slowStream(5));
        String sse = post("/v1/responses", "{\"model\":\"gpt-5\",\"stream\":true,\"input\":\"hi\"}").body();
        assertEquals("response.completed", eventNames(sse).get(eventNames(sse).size() - 1));
        up.faultNext(Fault.slowStream(1));
        JsonNode j = JSON.readTree(post("/v1/messages", "{\"model\":\"m\",\"messages\":[]}").body());
        assertEquals("message", j.path("type").asText());
    }

    @Test
    void headGetRootAndModelsAreAnswered() throws Exception {
        HttpResponse<Void> head = http.send(HttpRequest.newBuilder(URI.create(up.baseUrl() + "/"))
                .method("HEAD", HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.discarding());
        assertEquals(200, head.statusCode());
        assertEquals(200, http.send(HttpRequest.newBuilder(URI.create(up.baseUrl() + "/")).build(),
                HttpResponse.BodyHandlers.ofString()).statusCode());
        HttpResponse<String> models = http.send(HttpRequest.newBuilder(URI.create(up.baseUrl() + "/v1/models")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals("list", JSON.readTree(models.body()).path("object").asText());
        assertEquals(List.of("HEAD", "GET", "GET"), up.requests().stream().map(RecordedRequest::method).toList());
        assertEquals(404, post("/v2/unknown", "{}").statusCode());
    }

    @Test
    void appendsEachRequestToJsonl(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("rec/requests.jsonl");
        up.recordTo(file);
        post("/v1/messages", "{\"model\":\"a\",\"messages\":[]}");
        post("/v1/responses", "{\"model\":\"b\",\"input\":\"x\"}");
        List<String> lines = Files.readAllLines(file);
        assertEquals(2, lines.size());
        JsonNode second = JSON.readTree(lines.get(1));
        assertEquals(2, second.path("seq").asInt());
        assertEquals("/v1/responses", second.path("path").asText());
        assertEquals("{\"model\":\"b\",\"input\":\"x\"}", second.path("body").asText());
        assertEquals("application/json", second.path("headers").path("content-type").path(0).asText());
        assertEquals(1, up.requests(Api.RESPONSES).size());
        assertEquals(2, up.awaitRequests(2, 1000).size());
    }

    @Test
    void deltaCharsSplitsStreamedTextAndArguments() throws Exception {
        up.deltaChars(4).script(ToolScript.empty().with(ToolScript.Step.of("RUN_SCRIPT", "ok", "seq 1 3000")));
        String sse = post("/v1/messages", "{\"model\":\"m\",\"stream\":true,\"messages\":[{\"role\":\"user\",\"content\":\"hi \ud83d\ude00\"}]}").body();
        List<String> texts = dataOf(sse).stream().filter(n -> n.path("delta").has("text"))
                .map(n -> n.path("delta").path("text").asText()).toList();
        assertTrue(texts.size() > 1, texts.toString());
        assertEquals(ToolScript.DEFAULT_TEXT, String.join("", texts));

        String responses = post("/v1/responses", "{\"model\":\"g\",\"stream\":true,\"input\":\"RUN_SCRIPT\"}").body();
        List<JsonNode> events = dataOf(responses);
        String args = events.stream().filter(n -> n.path("type").asText().equals("response.function_call_arguments.delta"))
                .map(n -> n.path("delta").asText()).collect(Collectors.joining());
        assertEquals("{\"cmd\":\"seq 1 3000\"}", args);
        assertTrue(eventNames(responses).stream().filter(e -> e.endsWith("arguments.delta")).count() > 1);
    }

    @Test
    void invalidJsonGetsA400() throws Exception {
        HttpResponse<String> r = post("/v1/messages", "not json");
        assertEquals(400, r.statusCode());
        assertTrue(r.body().contains("not a JSON object"), r.body());
    }

    @Test
    void gzipBodiesAreReadAndUnknownEncodingsGetTheDefaultReply() throws Exception {
        up.script(ToolScript.empty().with(ToolScript.Step.of("RUN_SCRIPT", "Done.", "ls")));
        String json = "{\"model\":\"m\",\"messages\":[{\"role\":\"user\",\"content\":\"RUN_SCRIPT\"}]}";
        java.io.ByteArrayOutputStream gz = new java.io.ByteArrayOutputStream();
        try (var out = new java.util.zip.GZIPOutputStream(gz)) {
            out.write(json.getBytes(StandardCharsets.UTF_8));
        }
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(up.baseUrl() + "/v1/messages"))
                .header("content-encoding", "gzip").POST(HttpRequest.BodyPublishers.ofByteArray(gz.toByteArray())).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals("ls", JSON.readTree(r.body()).path("content").path(0).path("input").path("command").asText());
        assertArrayEquals(gz.toByteArray(), up.requests().get(0).body(), "recorded as sent, still compressed");

        HttpResponse<String> z = http.send(HttpRequest.newBuilder(URI.create(up.baseUrl() + "/v1/responses"))
                .header("content-encoding", "zstd").header("accept", "text/event-stream")
                .POST(HttpRequest.BodyPublishers.ofByteArray(new byte[]{40, -75, 47, -3, 1, 2})).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, z.statusCode());
        assertTrue(eventNames(z.body()).contains("response.completed"));
    }
}
