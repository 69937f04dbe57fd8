package dev.headroom.testsupport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Replays every recorded request of corpus/recorded (real Claude Code and Codex bodies) against a fresh fake
 * with the session's script: the fake must give the same answers it gave the real client, so its reading of
 * real conversations (system-reminder texts, mid-conversation system messages, Codex envelopes, follow-up
 * prompts) stays right.
 */
class RecordedCorpusReplayTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path INDEX = Path.of("..", "corpus", "recorded", "index.json");

    @Test
    void fakeAnswersRecordedTurnsAsItAnsweredTheRealClients() throws Exception {
        assumeTrue(Files.exists(INDEX), "no recorded corpus at " + INDEX.toAbsolutePath());
        JsonNode index = JSON.readTree(INDEX.toFile());
        HttpClient http = HttpClient.newHttpClient();
        int sessions = 0;
        for (JsonNode session : index.path("sessions")) {
            List<String> expected = new ArrayList<>();
            for (JsonNode step : session.path("script").path("steps")) {
                step.path("commands").forEach(c -> expected.add("tool:" + c.path("command").asText(c.asText())));
                expected.add("text:" + step.path("finalText").asText());
            }
            List<String> actual = new ArrayList<>();
            try (FakeLlmUpstream up = FakeLlmUpstream.start(0)) {
                up.script(ToolScript.fromJson(session.path("script")));
                for (JsonNode turn : session.path("turns")) {
                    byte[] body = Files.readAllBytes(INDEX.getParent().resolve(turn.path("file").asText()));
                    HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(up.baseUrl() + turn.path("path").asText()))
                            .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofString());
                    assertEquals(200, r.statusCode());
                    actual.add(answerOf(r.body()));
                }
            }
            assertEquals(expected, actual, session.path("id").asText());
            sessions++;
        }
        assertTrue(sessions > 0);
    }

    /** "tool:<command>" or "text:<text>" from an Anthropic or Responses SSE stream. */
    private static String answerOf(String sse) throws Exception {
        for (String line : sse.split("\n")) {
            if (!line.startsWith("data: ")) {
                continue;
            }
            JsonNode e = JSON.readTree(line.substring(6));
            JsonNode delta = e.path("delta");
            if ("input_json_delta".equals(delta.path("type").asText())) {
                return "tool:" + JSON.readTree(delta.path("partial_json").asText()).path("command").asText();
            }
            if ("text_delta".equals(delta.path("type").asText())) {
                return "text:" + delta.path("text").asText();
            }
            if ("response.output_item.done".equals(e.path("type").asText())) {
                JsonNode item = e.path("item");
                return "function_call".equals(item.path("type").asText())
                        ? "tool:" + JSON.readTree(item.path("arguments").asText()).path("cmd").asText()
                        : "text:" + item.path("content").path(0).path("text").asText();
            }
        }
        return "none";
    }
}
