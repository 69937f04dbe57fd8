package dev.headroom.eval;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Loads the sessions to evaluate: the recorded corpus ({@code corpus/recorded/index.json}), the examples
 * ({@code examples/requests}, needles in {@code examples/requests/needles.json}) and, when present beside
 * the repository, the reference's real request bodies ({@code ../shared/corpus}, no needles).
 *
 * <p>index.json lists {@code sessions}, each with {@code id}, {@code client}, {@code turns} (file names
 * relative to the index, in order), {@code needles} (strings, or objects with a {@code text} field), and
 * optionally {@code scenario} and {@code script.steps[].commands[]} ({@code command}, {@code family}).
 */
public final class SessionCorpus {

    private static final ObjectMapper JSON = new ObjectMapper();

    private SessionCorpus() {
    }

    public static List<Session> load(Path repoRoot) throws IOException {
        List<Session> out = new ArrayList<>();
        Path index = repoRoot.resolve("corpus/recorded/index.json");
        if (Files.exists(index)) {
            out.addAll(fromIndex(index));
        }
        out.addAll(examples(repoRoot.resolve("examples/requests")));
        Path shared = repoRoot.resolveSibling("shared").resolve("corpus/headroom-public");
        for (String f : List.of("crates/headroom-proxy/tests/fixtures/anthropic_messages_request_real.json",
                "scripts/fixtures/anthropic_replay_body.json")) {
            if (Files.exists(shared.resolve(f))) {
                Path p = shared.resolve(f);
                out.add(new Session("shared:" + p.getFileName(), "reference", List.of(p), List.of()));
            }
        }
        return out;
    }

    static List<Session> fromIndex(Path index) throws IOException {
        JsonNode root = JSON.readTree(index.toFile());
        JsonNode sessions = root.has("sessions") ? root.get("sessions") : root;
        List<Session> out = new ArrayList<>();
        for (JsonNode s : sessions) {
            List<Path> turns = new ArrayList<>();
            for (JsonNode t : s.path("turns")) {
                String file = t.isTextual() ? t.asText() : t.path("file").asText(t.path("path").asText());
                turns.add(index.getParent().resolve(file));
            }
            out.add(new Session(s.path("id").asText(), s.path("client").asText(""), turns, needles(s.path("needles")),
                    s.path("scenario").asText(""), commands(s.path("script"))));
        }
        return out;
    }

    private static List<Session.Command> commands(JsonNode script) {
        List<Session.Command> out = new ArrayList<>();
        for (JsonNode step : script.path("steps")) {
            for (JsonNode c : step.path("commands")) {
                String command = c.isTextual() ? c.asText() : c.path("command").asText("");
                if (!command.isEmpty()) {
                    out.add(new Session.Command(command, c.path("family").asText("")));
                }
            }
        }
        return out;
    }

    private static List<Session> examples(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        JsonNode needles = Files.exists(dir.resolve("needles.json"))
                ? JSON.readTree(dir.resolve("needles.json").toFile()) : JSON.createObjectNode();
        List<Session> out = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path p : files.filter(f -> f.toString().endsWith(".json") && !f.getFileName().toString().equals("needles.json"))
                    .sorted().toList()) {
                String name = p.getFileName().toString();
                out.add(new Session("example:" + name, "example", List.of(p), needles(needles.path(name))));
            }
        }
        return out;
    }

    private static List<String> needles(JsonNode node) {
        List<String> out = new ArrayList<>();
        for (JsonNode n : node) {
            String text = n.isTextual() ? n.asText() : n.path("text").asText(n.path("needle").asText(""));
            if (!text.isEmpty()) {
                out.add(text);
            }
        }
        return out;
    }
}
