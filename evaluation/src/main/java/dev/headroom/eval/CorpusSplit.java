package dev.headroom.eval;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;

/**
 * Which part of the corpus a session belongs to: the tuning set (the engine may be tuned on it), the held-out
 * set (only its aggregates are ever printed), or {@code other} (examples and reference fixtures, reported apart).
 *
 * <p>{@code corpus/recorded/split.json} is {@code {"seed": N, "tuning": [ids], "heldOut": [ids]}}. Without it,
 * every session of {@code corpus/recorded/index.json} is tuning: nothing is held out yet.
 */
public final class CorpusSplit {

    /** A part of the corpus. */
    public enum Part {
        TUNING, HELD_OUT, OTHER;

        /** {@code tuning}, {@code held-out}, {@code other}. */
        public String label() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Set<String> tuning;
    private final Set<String> heldOut;
    private final Long seed;

    CorpusSplit(Set<String> tuning, Set<String> heldOut, Long seed) {
        this.tuning = tuning;
        this.heldOut = heldOut;
        this.seed = seed;
    }

    /** Reads split.json beside the recorded index, or makes every indexed session tuning when it is absent. */
    public static CorpusSplit load(Path repoRoot) throws IOException {
        Path dir = repoRoot.resolve("corpus/recorded");
        Path split = dir.resolve("split.json");
        if (Files.exists(split)) {
            JsonNode root = JSON.readTree(split.toFile());
            return new CorpusSplit(ids(root.path("tuning")), ids(root.path("heldOut")),
                    root.path("seed").isNumber() ? root.path("seed").asLong() : null);
        }
        Path index = dir.resolve("index.json");
        Set<String> all = new LinkedHashSet<>();
        if (Files.exists(index)) {
            SessionCorpus.fromIndex(index).forEach(s -> all.add(s.id()));
        }
        return new CorpusSplit(all, Set.of(), null);
    }

    private static Set<String> ids(JsonNode list) {
        Set<String> out = new LinkedHashSet<>();
        list.forEach(n -> out.add(n.asText()));
        return out;
    }

    /** A session listed in both lists counts as held-out: a mistake in split.json must not expose it. */
    public Part partOf(String sessionId) {
        if (heldOut.contains(sessionId)) {
            return Part.HELD_OUT;
        }
        return tuning.contains(sessionId) ? Part.TUNING : Part.OTHER;
    }

    /** How the split was made, for the report's header. */
    public String describe() {
        return seed == null
                ? "no split.json: every recorded session is tuning (" + tuning.size() + ")"
                : "split.json seed " + seed + ": " + tuning.size() + " tuning, " + heldOut.size() + " held-out";
    }

    public Long seed() {
        return seed;
    }
}
