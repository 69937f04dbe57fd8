package dev.headroom.engine;

/**
 * What happened to one tool output.
 *
 * @param index       the unit's position among the request's tool outputs
 * @param toolName    the tool that produced it, or empty when unknown
 * @param contentType json, log, search, diff, code, html or text
 * @param transform   the transforms applied, or {@code keep:<reason>}
 * @param charsBefore the original length in characters
 * @param charsAfter  the length after compression (equal to charsBefore when kept)
 * @param original    the original text (for token counting and evaluation; not serialised)
 * @param result      the text sent on (the original when kept)
 * @param lossy       true when a retrieval marker stands in for omitted content
 * @param memoHit     true when the decision was reused from an earlier turn
 */
public record UnitReport(int index, String toolName, String contentType, String transform, int charsBefore,
                         int charsAfter, String original, String result, boolean lossy, boolean memoHit) {

    public boolean compressed() {
        return !transform.startsWith("keep");
    }
}
