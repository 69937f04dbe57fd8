package dev.headroom.engine.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** Finds request bodies for corpus tests: ../shared/corpus (may be absent), examples/ and corpus/recorded/. */
public final class Corpus {

    private Corpus() {
    }

    /** The repository root, from the module directory Maven runs tests in. */
    public static Path repoRoot() {
        Path dir = Path.of(System.getProperty("user.dir")).toAbsolutePath();
        return Files.exists(dir.resolve("mvnw")) ? dir : dir.getParent();
    }

    /** {@code ../shared/corpus/headroom-public} beside the repository, or null when absent (a user's clone). */
    public static Path sharedCorpus() {
        Path p = repoRoot().resolveSibling("shared").resolve("corpus").resolve("headroom-public");
        return Files.isDirectory(p) ? p : null;
    }

    /** Every request body we can find: the shared real requests, the examples and the recorded corpus. */
    public static List<Path> requestBodies() {
        List<Path> out = new ArrayList<>();
        Path shared = sharedCorpus();
        if (shared != null) {
            for (String f : List.of("crates/headroom-proxy/tests/fixtures/anthropic_messages_request_real.json",
                    "scripts/fixtures/anthropic_replay_body.json", "scripts/fixtures/codex_response_create_frame.json")) {
                if (Files.exists(shared.resolve(f))) {
                    out.add(shared.resolve(f));
                }
            }
        }
        out.addAll(jsonFiles(repoRoot().resolve("examples").resolve("requests")));
        out.addAll(jsonFiles(repoRoot().resolve("corpus").resolve("recorded")));
        return out;
    }

    private static List<Path> jsonFiles(Path dir) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(p -> p.toString().endsWith(".json") && !p.getFileName().toString().equals("index.json"))
                    .sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
