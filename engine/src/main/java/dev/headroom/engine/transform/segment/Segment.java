package dev.headroom.engine.transform.segment;

/**
 * A stretch of a command's output that is compressed on its own.
 *
 * @param text the segment's exact text
 * @param kind how to treat it: detect its content type, or JSON cut by the client at its end or its start
 */
public record Segment(String text, Kind kind) {

    /** How a segment is routed. */
    public enum Kind {
        /** Detect the content type and use its compressor. */
        DETECT,
        /** JSON whose end the client cut off. */
        JSON_HEAD,
        /** JSON whose start the client cut off. */
        JSON_TAIL
    }
}
