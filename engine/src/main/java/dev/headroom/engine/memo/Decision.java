package dev.headroom.engine.memo;

/**
 * What the engine decided for one unit the first time it saw it. Reused verbatim on every later turn.
 *
 * @param compressed the replacement text, or null for "keep the original as it is"
 * @param transform  the transforms applied (or the reason it was kept, e.g. {@code keep:no-gain})
 * @param lossy      true when the replacement has retrieval markers
 */
public record Decision(String compressed, String transform, boolean lossy) {

    public static Decision keep(String reason) {
        return new Decision(null, "keep:" + reason, false);
    }

    public boolean keepsOriginal() {
        return compressed == null;
    }
}
