package dev.headroom.engine.transform.wrap;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A tool output taken apart into the bytes an agent wrapped around (or cut out of) a command's output, which
 * stay exactly as they are, and the payload pieces between them, which go to the compressors. Joining every
 * part's text in order gives back the original output, byte for byte.
 *
 * @param parts the pieces in order; a piece is {@linkplain Part#payload() payload} or kept verbatim
 */
public record Framing(List<Part> parts) {

    /**
     * One piece of a framed output.
     *
     * @param text    the piece's exact text
     * @param payload true when the piece is (part of) the command's output
     * @param cutAfter  true when the client cut the output right after this piece (it ends mid-line or mid-value)
     * @param cutBefore true when the client cut the output right before this piece (it starts mid-line or mid-value)
     */
    public record Part(String text, boolean payload, boolean cutBefore, boolean cutAfter) {

        static Part verbatim(String text) {
            return new Part(text, false, false, false);
        }

        static Part payload(String text) {
            return new Part(text, true, false, false);
        }
    }

    public Framing {
        parts = Collections.unmodifiableList(new ArrayList<>(parts));
    }

    /** An output with no wrapper: one payload piece. */
    public static Framing plain(String text) {
        return new Framing(List.of(Part.payload(text)));
    }

    /** True when the output is one payload piece and nothing else. */
    public boolean isPlain() {
        return parts.size() == 1 && parts.get(0).payload();
    }

    /** The original text. */
    public String join() {
        StringBuilder sb = new StringBuilder();
        for (Part p : parts) {
            sb.append(p.text());
        }
        return sb.toString();
    }
}
