package dev.headroom.engine.policy;

import dev.headroom.engine.EngineSettings;
import dev.headroom.engine.ccr.Markers;
import dev.headroom.engine.ccr.RetrieveTool;
import dev.headroom.engine.format.ToolOutput;
import dev.headroom.engine.transform.wrap.Unwrapper;

import java.util.Locale;

/**
 * Decides, before any compression, whether a tool output may be touched and how far.
 * Returns a {@link Verdict}: skip with a reason, lossless only, or full treatment.
 */
public final class UnitPolicy {

    /**
     * What the policy allows. {@code reason} names why a unit is skipped or limited; {@code errorOutput} marks
     * the output of a failing command (lossless only with {@code protectErrors}, else selected around its errors).
     */
    public record Verdict(boolean skip, boolean losslessOnly, String reason, boolean errorOutput) {
        public static Verdict skip(String reason) {
            return new Verdict(true, false, reason, false);
        }
    }

    private static final Verdict FULL = new Verdict(false, false, "", false);
    private static final Verdict PROTECTED_ERROR = new Verdict(false, true, "error-output", true);
    private static final Verdict ERROR = new Verdict(false, false, "error-output", true);
    private static final String[] ERROR_WORDS = {"error", "fail", "exception", "traceback", "fatal", "panic", "crash"};
    /** Error keywords decide "this is an error output" only for outputs short enough to be mostly the error. */
    private static final int ERROR_TEXT_MAX_CHARS = 8000;

    private final EngineSettings settings;
    private final ToolMatcher excluded;

    public UnitPolicy(EngineSettings settings) {
        this.settings = settings;
        this.excluded = new ToolMatcher(settings.excludedTools());
    }

    /** The checks that need no text: returns a skip verdict, or null when the text must be read. */
    public Verdict checkWithoutText(ToolOutput unit) {
        if (RetrieveTool.NAME.equals(unit.toolName())) {
            return Verdict.skip("retrieval-output");
        }
        if (excluded.matches(unit.toolName())) {
            return Verdict.skip("excluded-tool");
        }
        return null;
    }

    public Verdict check(ToolOutput unit, String text) {
        Verdict early = checkWithoutText(unit);
        if (early != null) {
            return early;
        }
        if (text.length() < settings.minUnitChars()) {
            return Verdict.skip("below-size-gate");
        }
        if (Markers.containsMarker(text)) {
            return Verdict.skip("already-compressed");
        }
        if (unit.error() || Unwrapper.saysFailed(text) || looksLikeError(text)) {
            return settings.protectErrors() ? PROTECTED_ERROR : ERROR;
        }
        return FULL;
    }

    /** Two or more distinct error words in a short output: the reference's rule, which we keep. */
    static boolean looksLikeError(String text) {
        if (text.length() > ERROR_TEXT_MAX_CHARS) {
            return false;
        }
        String lower = text.toLowerCase(Locale.ROOT);
        int hits = 0;
        for (String w : ERROR_WORDS) {
            if (lower.contains(w) && ++hits >= 2) {
                return true;
            }
        }
        return false;
    }
}
