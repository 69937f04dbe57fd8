package dev.headroom.engine;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Immutable engine settings. Every {@code withX} returns a copy (Byte Buddy style), so a settings
 * object can be shared freely between threads.
 *
 * <p>{@link #fingerprint()} goes into every memo key: changing a setting that affects output
 * gives new decisions instead of reusing ones made under other settings.
 */
public final class EngineSettings {

    /** The reference product's default protected tools: their output is what the agent edits with. */
    public static final List<String> DEFAULT_EXCLUDED_TOOLS = List.of("Read", "Glob", "Grep", "Write", "Edit");

    private final CompressionMode mode;
    private final int minUnitChars;
    private final double minSavings;
    private final List<String> excludedTools;
    private final int maxOutputChars;
    private final long timeBudgetMillis;
    private final int protectRecentCode;
    private final String relevance;
    private final boolean protectErrors;

    /** The row/hit/line scorers {@code HEADROOM_RELEVANCE} accepts; only bm25 is built in (the others need the prose module). */
    public static final List<String> RELEVANCE_SCORERS = List.of("bm25", "minilm", "hybrid");

    private EngineSettings(CompressionMode mode, int minUnitChars, double minSavings, List<String> excludedTools,
                           int maxOutputChars, long timeBudgetMillis, int protectRecentCode, String relevance,
                           boolean protectErrors) {
        this.mode = mode;
        this.minUnitChars = minUnitChars;
        this.minSavings = minSavings;
        this.excludedTools = Collections.unmodifiableList(new ArrayList<>(excludedTools));
        this.maxOutputChars = maxOutputChars;
        this.timeBudgetMillis = timeBudgetMillis;
        this.protectRecentCode = protectRecentCode;
        this.relevance = relevance;
        this.protectErrors = protectErrors;
    }

    /** Balanced mode, 500-character size gate, 5 % minimum gain, the default excluded tools, 2 s budget, BM25 relevance. */
    public static EngineSettings defaults() {
        return new EngineSettings(CompressionMode.BALANCED, 500, 0.05, DEFAULT_EXCLUDED_TOOLS, 6000, 2000, 4, "bm25", false);
    }

    /**
     * Defaults overlaid with {@code HEADROOM_MODE}, {@code HEADROOM_MIN_UNIT_CHARS}, {@code HEADROOM_MIN_SAVINGS},
     * {@code HEADROOM_EXCLUDE_TOOLS} / {@code HEADROOM_PROTECT_TOOL_RESULTS} (added to the defaults) and
     * {@code HEADROOM_COMPRESSION_TIMEOUT_MS}, {@code HEADROOM_PROTECT_RECENT_CODE} and {@code HEADROOM_RELEVANCE}
     * ({@code bm25}, {@code minilm} or {@code hybrid}) and {@code HEADROOM_PROTECT_ERRORS} ({@code true}/{@code false}).
     */
    public static EngineSettings fromEnvironment(Map<String, String> env) {
        EngineSettings s = defaults();
        String mode = env.get("HEADROOM_MODE");
        if (mode != null && !mode.isBlank()) {
            s = s.withMode(CompressionMode.parse(mode));
        }
        String min = env.get("HEADROOM_MIN_UNIT_CHARS");
        if (min != null && !min.isBlank()) {
            s = s.withMinUnitChars(Integer.parseInt(min.trim()));
        }
        String gain = env.get("HEADROOM_MIN_SAVINGS");
        if (gain != null && !gain.isBlank()) {
            s = s.withMinSavings(Double.parseDouble(gain.trim()));
        }
        for (String key : List.of("HEADROOM_EXCLUDE_TOOLS", "HEADROOM_PROTECT_TOOL_RESULTS")) {
            String v = env.get(key);
            if (v != null && !v.isBlank()) {
                s = s.withAdditionalExcludedTools(splitList(v));
            }
        }
        String recent = env.get("HEADROOM_PROTECT_RECENT_CODE");
        if (recent != null && !recent.isBlank()) {
            s = s.withProtectRecentCode(Integer.parseInt(recent.trim()));
        }
        String budget = env.get("HEADROOM_COMPRESSION_TIMEOUT_MS");
        if (budget != null && !budget.isBlank()) {
            s = s.withTimeBudgetMillis(Long.parseLong(budget.trim()));
        }
        String errors = env.get("HEADROOM_PROTECT_ERRORS");
        if (errors != null && !errors.isBlank()) {
            s = s.withProtectErrors(parseBoolean("HEADROOM_PROTECT_ERRORS", errors));
        }
        String relevance = env.get("HEADROOM_RELEVANCE");
        if (relevance != null && !relevance.isBlank()) {
            String name = relevance.trim().toLowerCase(Locale.ROOT);
            if (!RELEVANCE_SCORERS.contains(name)) {
                throw new IllegalArgumentException("HEADROOM_RELEVANCE must be one of " + RELEVANCE_SCORERS + ", got " + relevance);
            }
            s = s.withRelevance(name);
        }
        return s;
    }

    private static boolean parseBoolean(String name, String value) {
        switch (value.trim().toLowerCase(Locale.ROOT)) {
            case "true", "1", "yes", "on":
                return true;
            case "false", "0", "no", "off":
                return false;
            default:
                throw new IllegalArgumentException(name + " must be true or false, got " + value);
        }
    }

    /** Splits {@code "a, b,c"} into trimmed, non-empty names. */
    public static List<String> splitList(String csv) {
        List<String> out = new ArrayList<>();
        for (String part : csv.split(",")) {
            String t = part.trim();
            if (!t.isEmpty()) {
                out.add(t);
            }
        }
        return out;
    }

    public CompressionMode mode() {
        return mode;
    }

    /** Tool outputs shorter than this many characters are left alone. */
    public int minUnitChars() {
        return minUnitChars;
    }

    /** A unit is replaced only if its estimated tokens drop by at least this fraction (0.10 = 10 %). */
    public double minSavings() {
        return minSavings;
    }

    /** Tool names or globs ({@code mcp__*}) whose outputs are never compressed; case-insensitive. */
    public List<String> excludedTools() {
        return excludedTools;
    }

    /** Soft budget for what a lossy selection keeps of one unit, in characters. */
    public int maxOutputChars() {
        return maxOutputChars;
    }

    /** Compression of one request that takes longer than this is abandoned and the original is sent. */
    public long timeBudgetMillis() {
        return timeBudgetMillis;
    }

    public EngineSettings withMode(CompressionMode value) {
        return new EngineSettings(value, minUnitChars, minSavings, excludedTools, maxOutputChars, timeBudgetMillis, protectRecentCode, relevance, protectErrors);
    }

    public EngineSettings withMinUnitChars(int value) {
        return new EngineSettings(mode, value, minSavings, excludedTools, maxOutputChars, timeBudgetMillis, protectRecentCode, relevance, protectErrors);
    }

    public EngineSettings withMinSavings(double value) {
        if (value < 0 || value >= 1) {
            throw new IllegalArgumentException("minimum savings must be in [0, 1), got " + value);
        }
        return new EngineSettings(mode, minUnitChars, value, excludedTools, maxOutputChars, timeBudgetMillis, protectRecentCode, relevance, protectErrors);
    }

    public EngineSettings withExcludedTools(List<String> value) {
        return new EngineSettings(mode, minUnitChars, minSavings, value, maxOutputChars, timeBudgetMillis, protectRecentCode, relevance, protectErrors);
    }

    public EngineSettings withAdditionalExcludedTools(List<String> more) {
        List<String> all = new ArrayList<>(excludedTools);
        for (String m : more) {
            if (!all.contains(m)) {
                all.add(m);
            }
        }
        return withExcludedTools(all);
    }

    public EngineSettings withMaxOutputChars(int value) {
        return new EngineSettings(mode, minUnitChars, minSavings, excludedTools, value, timeBudgetMillis, protectRecentCode, relevance, protectErrors);
    }

    public EngineSettings withTimeBudgetMillis(long value) {
        return new EngineSettings(mode, minUnitChars, minSavings, excludedTools, maxOutputChars, value, protectRecentCode, relevance, protectErrors);
    }

    /**
     * Code in a tool output this close to the end of the conversation (in messages) is not compressed: the
     * agent is working with it (the reference's {@code protect_recent_code=4}). Since a decision is frozen the
     * first time a unit is seen, such code stays uncompressed on later turns too, which keeps the prompt cache.
     * 0 turns the protection off.
     */
    public int protectRecentCode() {
        return protectRecentCode;
    }

    public EngineSettings withProtectRecentCode(int value) {
        return new EngineSettings(mode, minUnitChars, minSavings, excludedTools, maxOutputChars, timeBudgetMillis, value, relevance, protectErrors);
    }

    /**
     * The scorer that ranks rows, search hits and log lines against the question: {@code bm25} (the default),
     * or {@code minilm} / {@code hybrid} when the prose module installs them (see the README, "Relevance").
     */
    public String relevance() {
        return relevance;
    }

    /** Names the relevance scorer (any installed scorer's name; {@link #RELEVANCE_SCORERS} from the environment). */
    public EngineSettings withRelevance(String value) {
        String name = value == null ? "" : value.trim().toLowerCase(Locale.ROOT);
        if (name.isEmpty() || name.contains("|")) {
            throw new IllegalArgumentException("not a relevance scorer name: " + value);
        }
        return new EngineSettings(mode, minUnitChars, minSavings, excludedTools, maxOutputChars, timeBudgetMillis,
                protectRecentCode, name, protectErrors);
    }

    /**
     * True when failing commands' outputs ({@code is_error}, or short outputs full of error words) get lossless
     * treatment only ({@code HEADROOM_PROTECT_ERRORS=true}). By default such an output may still have the lines
     * that are none of error, warning, stack or summary lines folded behind a marker, by a compressor that can
     * tell them apart ({@link dev.headroom.engine.transform.Compressor#selectsAroundErrors()}).
     */
    public boolean protectErrors() {
        return protectErrors;
    }

    public EngineSettings withProtectErrors(boolean value) {
        return new EngineSettings(mode, minUnitChars, minSavings, excludedTools, maxOutputChars, timeBudgetMillis,
                protectRecentCode, relevance, value);
    }

    /**
     * Everything that changes a unit's output, as one string; part of every memo key. The relevance scorer is
     * in it (when it is not the default, so keys made before the scorer setting existed stay valid): switching
     * scorer never reuses a decision another scorer made.
     */
    public String fingerprint() {
        return "v1|" + mode.label() + "|" + minSavings + "|" + maxOutputChars + "|" + protectRecentCode
                + (relevance.equals("bm25") ? "" : "|relevance=" + relevance) + (protectErrors ? "|protect-errors" : "");
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "EngineSettings{mode=%s, minUnitChars=%d, minSavings=%.2f, excludedTools=%s, relevance=%s}",
                mode.label(), minUnitChars, minSavings, excludedTools, relevance);
    }
}
