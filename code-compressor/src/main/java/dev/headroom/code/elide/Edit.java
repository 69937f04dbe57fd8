package dev.headroom.code.elide;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * One replacement of a UTF-8 byte range of the source. Everything outside the edited ranges is copied
 * byte for byte, which is what keeps the compressor's output faithful to the parts it keeps.
 */
public record Edit(int start, int end, String replacement) {

    /** Applies non-overlapping edits (in any order) to {@code source}. */
    public static String apply(byte[] source, List<Edit> edits) {
        List<Edit> sorted = new ArrayList<>(edits);
        sorted.sort(Comparator.comparingInt(Edit::start));
        ByteArrayOutputStream out = new ByteArrayOutputStream(source.length);
        int at = 0;
        for (Edit e : sorted) {
            if (e.start < at) {
                throw new IllegalArgumentException("overlapping edits at byte " + e.start);
            }
            out.write(source, at, e.start - at);
            out.writeBytes(e.replacement.getBytes(StandardCharsets.UTF_8));
            at = e.end;
        }
        out.write(source, at, source.length - at);
        return out.toString(StandardCharsets.UTF_8);
    }
}
