package dev.headroom.eval;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * TOON encodings of JSON payloads by {@code @toon-format/toon} (pinned in {@code evaluation/toon}), run with
 * node once for all payloads: starting node per unit would cost more than the whole report. TOON is an outside
 * reference, not a dependency: when node or the package is missing the report says why and carries on.
 */
final class ToonEncoder {

    /** The encodings, in payload order (null where TOON failed), or why there are none. */
    record Encodings(List<String> texts, String unavailable) {

        boolean available() {
            return unavailable == null;
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final long TIMEOUT_SECONDS = 120;

    private final String node;
    private final Path toonDir;

    /** @param node the node executable (a name looked up on PATH, or a path); @param toonDir evaluation/toon */
    ToonEncoder(String node, Path toonDir) {
        this.node = node;
        this.toonDir = toonDir;
    }

    /** The repository's encoder; {@code HEADROOM_NODE} names another node executable. */
    static ToonEncoder inRepo(Path repoRoot) {
        return new ToonEncoder(System.getenv().getOrDefault("HEADROOM_NODE", "node"), repoRoot.resolve("evaluation/toon"));
    }

    Encodings encode(List<String> minifiedJson) {
        Optional<Path> executable = executable();
        if (executable.isEmpty()) {
            return new Encodings(List.of(), "node not found");
        }
        if (!Files.isDirectory(toonDir.resolve("node_modules/@toon-format/toon"))) {
            return new Encodings(List.of(), "@toon-format/toon not installed (npm ci in evaluation/toon)");
        }
        if (minifiedJson.isEmpty()) {
            return new Encodings(List.of(), null);
        }
        try {
            return run(executable.get(), minifiedJson);
        } catch (IOException e) {
            return new Encodings(List.of(), "node failed: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Encodings(List.of(), "interrupted");
        }
    }

    /** Payloads go through files, so neither side of the pipe can block the other. */
    private Encodings run(Path executable, List<String> minifiedJson) throws IOException, InterruptedException {
        Path in = Files.createTempFile("toon-in", ".jsonl");
        Path out = Files.createTempFile("toon-out", ".jsonl");
        Path err = Files.createTempFile("toon-err", ".txt");
        try {
            Files.write(in, minifiedJson, StandardCharsets.UTF_8);
            Process p = new ProcessBuilder(executable.toString(), "encode.mjs").directory(toonDir.toFile())
                    .redirectInput(in.toFile()).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
            if (!p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return new Encodings(List.of(), "node took over " + TIMEOUT_SECONDS + " s");
            }
            List<String> lines = Files.readAllLines(out, StandardCharsets.UTF_8);
            if (p.exitValue() != 0 || lines.size() != minifiedJson.size()) {
                String why = Files.readString(err, StandardCharsets.UTF_8).lines().findFirst().orElse("");
                return new Encodings(List.of(), "node exited with " + p.exitValue() + " " + why);
            }
            List<String> texts = new ArrayList<>(lines.size());
            for (String line : lines) {
                JsonNode encoded = JSON.readTree(line);
                texts.add(encoded.isTextual() ? encoded.asText() : null);
            }
            return new Encodings(texts, null);
        } finally {
            Files.deleteIfExists(in);
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }

    private Optional<Path> executable() {
        if (node.contains(File.separator)) {
            return Files.isExecutable(Path.of(node)) ? Optional.of(Path.of(node)) : Optional.empty();
        }
        String path = System.getenv().getOrDefault("PATH", "");
        for (String dir : path.split(File.pathSeparator)) {
            Path candidate = Path.of(dir.isEmpty() ? "." : dir, node);
            if (Files.isExecutable(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }
}
