package dev.headroom.prose.model;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Finds the Kompress model on disk: an explicit path ({@code HEADROOM_KOMPRESS_MODEL}), else the Hugging
 * Face cache layout ({@code $HF_HUB_CACHE}, or {@code $HF_HOME/hub}, default
 * {@code ~/.cache/huggingface/hub}: {@code models--<org>--<name>/refs/main} names the snapshot under
 * {@code snapshots/}). Never touches the network.
 */
public final class ModelLocator {

    /** The reference's model (ModernBERT-base keep/drop with a span head). */
    public static final String REPO = "chopratejas/kompress-v2-base";
    /** Where its tokenizer comes from when the model repo has none. */
    public static final String TOKENIZER_REPO = "answerdotai/ModernBERT-base";
    /** Model files in the order the reference tries them. */
    public static final List<String> MODEL_FILES =
            List.of("onnx/kompress-int8-wo.onnx", "onnx/kompress-fp32.onnx", "onnx/kompress-int8.onnx");
    public static final String TOKENIZER_FILE = "tokenizer.json";
    public static final String EXPLICIT_ENV = "HEADROOM_KOMPRESS_MODEL";

    private final Map<String, String> env;

    public ModelLocator(Map<String, String> env) {
        this.env = env;
    }

    /** The explicit path, if one is configured (it may not exist). */
    public Optional<Path> explicitPath() {
        String p = env.get(EXPLICIT_ENV);
        return p == null || p.isBlank() ? Optional.empty() : Optional.of(Path.of(p));
    }

    /** The model at the explicit path: an .onnx file (tokenizer.json beside it or one level up) or a model directory. */
    public Optional<ModelFiles> explicit() {
        return explicitPath().flatMap(p -> Files.isDirectory(p) ? inDirectory(p) : besideFile(p));
    }

    private static Optional<ModelFiles> besideFile(Path model) {
        if (!Files.isRegularFile(model)) {
            return Optional.empty();
        }
        Path dir = model.toAbsolutePath().getParent();
        for (Path d : new Path[] {dir, dir.getParent()}) {
            if (d != null && Files.isRegularFile(d.resolve(TOKENIZER_FILE))) {
                return Optional.of(new ModelFiles(model, d.resolve(TOKENIZER_FILE)));
            }
        }
        return Optional.empty();
    }

    private static Optional<ModelFiles> inDirectory(Path dir) {
        Path tok = dir.resolve(TOKENIZER_FILE);
        if (!Files.isRegularFile(tok)) {
            return Optional.empty();
        }
        for (String f : MODEL_FILES) {
            for (Path candidate : List.of(dir.resolve(f), dir.resolve(Path.of(f).getFileName()))) {
                if (Files.isRegularFile(candidate)) {
                    return Optional.of(new ModelFiles(candidate, tok));
                }
            }
        }
        return Optional.empty();
    }

    /** The Hugging Face hub cache directory. */
    public Path hubCache() {
        String hub = env.get("HF_HUB_CACHE");
        if (hub != null && !hub.isBlank()) {
            return Path.of(hub);
        }
        String home = env.get("HF_HOME");
        if (home != null && !home.isBlank()) {
            return Path.of(home, "hub");
        }
        String xdg = env.get("XDG_CACHE_HOME");
        Path cache = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".cache");
        return cache.resolve("huggingface").resolve("hub");
    }

    /** {@code models--org--name} under the hub cache. */
    public Path repoDir(String repo) {
        return hubCache().resolve("models--" + repo.replace("/", "--"));
    }

    /** The model in the HF cache: model files from {@link #REPO}, tokenizer from it or {@link #TOKENIZER_REPO}. */
    public Optional<ModelFiles> cached() {
        Optional<Path> snapshot = snapshot(REPO);
        if (snapshot.isEmpty()) {
            return Optional.empty();
        }
        Path model = null;
        for (String f : MODEL_FILES) {
            Path candidate = snapshot.get().resolve(f);
            if (Files.isRegularFile(candidate)) {
                model = candidate;
                break;
            }
        }
        if (model == null) {
            return Optional.empty();
        }
        Path tok = snapshot.get().resolve(TOKENIZER_FILE);
        if (!Files.isRegularFile(tok)) {
            Optional<Path> other = snapshot(TOKENIZER_REPO).map(s -> s.resolve(TOKENIZER_FILE)).filter(Files::isRegularFile);
            if (other.isEmpty()) {
                return Optional.empty();
            }
            tok = other.get();
        }
        return Optional.of(new ModelFiles(model, tok));
    }

    /** The snapshot {@code refs/main} names, else the newest snapshot directory. */
    Optional<Path> snapshot(String repo) {
        Path dir = repoDir(repo);
        Path ref = dir.resolve("refs").resolve("main");
        try {
            if (Files.isRegularFile(ref)) {
                Path s = dir.resolve("snapshots").resolve(Files.readString(ref, StandardCharsets.UTF_8).strip());
                if (Files.isDirectory(s)) {
                    return Optional.of(s);
                }
            }
            Path snapshots = dir.resolve("snapshots");
            if (!Files.isDirectory(snapshots)) {
                return Optional.empty();
            }
            try (Stream<Path> all = Files.list(snapshots)) {
                return all.filter(Files::isDirectory).max(Comparator.comparing(ModelLocator::modified));
            }
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static long modified(Path p) {
        try {
            return Files.getLastModifiedTime(p).toMillis();
        } catch (IOException e) {
            return 0;
        }
    }
}
