package dev.headroom.engine.transform.segment;

import dev.headroom.engine.transform.json.CutJson;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits one payload piece into segments that each go to their own compressor: JSON values among other lines
 * ({@link JsonBlocks}) and the lines around them; JSON cut by the client at the piece's end or start. The
 * segments' texts joined in order are the piece, byte for byte. A piece with nothing to split is one
 * {@link Segment.Kind#DETECT} segment.
 */
public final class Segmenter {

    private Segmenter() {
    }

    /**
     * @param cutBefore the client cut the output right before this piece
     * @param cutAfter  the client cut the output right after this piece
     */
    public static List<Segment> split(String piece, boolean cutBefore, boolean cutAfter) {
        if (cutAfter && CutJson.startsLikeJson(piece) && !cutBefore) {
            return List.of(new Segment(piece, Segment.Kind.JSON_HEAD));
        }
        if (cutBefore && endsLikeJson(piece)) {
            return List.of(new Segment(piece, cutAfter ? Segment.Kind.DETECT : Segment.Kind.JSON_TAIL));
        }
        List<int[]> blocks = mergeAdjacent(piece, JsonBlocks.find(piece));
        if (blocks.isEmpty() || (blocks.size() == 1 && blocks.get(0)[0] == 0 && blocks.get(0)[1] == piece.length())) {
            return List.of(new Segment(piece, Segment.Kind.DETECT));
        }
        List<Segment> out = new ArrayList<>();
        int at = 0;
        for (int[] b : blocks) {
            if (b[0] > at) {
                out.add(new Segment(piece.substring(at, b[0]), Segment.Kind.DETECT));
            }
            boolean open = b[1] == piece.length() && cutAfter;
            out.add(new Segment(piece.substring(b[0], b[1]), open ? Segment.Kind.JSON_HEAD : Segment.Kind.DETECT));
            at = b[1];
        }
        if (at < piece.length()) {
            out.add(new Segment(piece.substring(at), Segment.Kind.DETECT));
        }
        return out;
    }

    /**
     * JSON values on consecutive lines (JSON Lines: a structured log, {@code jq -c}) are one segment, which the JSON
     * compressor reads as a list of lines; only other text between values separates them.
     */
    private static List<int[]> mergeAdjacent(String piece, List<int[]> blocks) {
        List<int[]> out = new ArrayList<>();
        for (int[] b : blocks) {
            int[] last = out.isEmpty() ? null : out.get(out.size() - 1);
            if (last != null && piece.substring(last[1], b[0]).isBlank()) {
                last[1] = b[1];
            } else {
                out.add(new int[] {b[0], b[1]});
            }
        }
        return out;
    }

    private static boolean endsLikeJson(String piece) {
        String t = piece.stripTrailing();
        return !t.isEmpty() && (t.charAt(t.length() - 1) == '}' || t.charAt(t.length() - 1) == ']');
    }
}
