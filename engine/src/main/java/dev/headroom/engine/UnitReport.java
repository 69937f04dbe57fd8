package dev.headroom.engine;

import java.util.function.Supplier;

/**
 * What happened to one tool output. The original text of a unit that was skipped without being read
 * (below the size gate, or an excluded tool) is decoded only when a caller asks for it, so reports cost
 * nothing on the request path.
 */
public final class UnitReport {

    private final int index;
    private final String toolName;
    private final String contentType;
    private final String transform;
    private final Supplier<String> originalSource;
    private final String compressedText;
    private final boolean lossy;
    private final boolean memoHit;
    private String original;

    UnitReport(int index, String toolName, String contentType, String transform, Supplier<String> original,
               String compressedText, boolean lossy, boolean memoHit) {
        this.index = index;
        this.toolName = toolName;
        this.contentType = contentType;
        this.transform = transform;
        this.originalSource = original;
        this.compressedText = compressedText;
        this.lossy = lossy;
        this.memoHit = memoHit;
    }

    /** The unit's position among the request's tool outputs. */
    public int index() {
        return index;
    }

    /** The tool that produced it, or empty when unknown. */
    public String toolName() {
        return toolName;
    }

    /** json, log, search, diff, code, html or text; empty when it was skipped before detection. */
    public String contentType() {
        return contentType;
    }

    /** The transforms applied (e.g. {@code json.table}), or {@code keep:<reason>}. */
    public String transform() {
        return transform;
    }

    /** True when the unit was replaced. */
    public boolean compressed() {
        return compressedText != null;
    }

    /** True when a retrieval marker stands in for omitted content. */
    public boolean lossy() {
        return lossy;
    }

    /** True when the decision was reused from an earlier turn (or an earlier process). */
    public boolean memoHit() {
        return memoHit;
    }

    /** The original text. */
    public synchronized String original() {
        if (original == null) {
            original = originalSource.get();
        }
        return original;
    }

    /** The text sent on: the compressed text, or the original when kept. */
    public String result() {
        return compressedText != null ? compressedText : original();
    }

    public int charsBefore() {
        return original().length();
    }

    public int charsAfter() {
        return result().length();
    }

    @Override
    public String toString() {
        return "UnitReport{" + index + ", tool=" + toolName + ", type=" + contentType + ", " + transform + "}";
    }
}
