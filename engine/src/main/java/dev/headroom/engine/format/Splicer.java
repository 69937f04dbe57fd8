package dev.headroom.engine.format;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Writes the original bytes with only the given spans replaced. This is the byte-faithful rule in code:
 * everything outside the edits is copied as it was, so key order, whitespace, escapes and unknown fields
 * survive untouched.
 */
public final class Splicer {

    /** Replace {@code [start, end)} with {@code bytes}; an insertion has {@code start == end}. */
    public record Edit(int start, int end, byte[] bytes) {
    }

    private final List<Edit> edits = new ArrayList<>();

    public Splicer replace(int start, int end, byte[] bytes) {
        edits.add(new Edit(start, end, bytes));
        return this;
    }

    public Splicer insert(int at, byte[] bytes) {
        return replace(at, at, bytes);
    }

    public boolean isEmpty() {
        return edits.isEmpty();
    }

    /** The original with every edit applied; edits must not overlap. */
    public byte[] apply(byte[] original) {
        List<Edit> sorted = new ArrayList<>(edits);
        sorted.sort(Comparator.comparingInt(Edit::start).thenComparingInt(Edit::end));
        long size = original.length;
        int last = 0;
        for (Edit e : sorted) {
            if (e.start < last || e.end < e.start || e.end > original.length) {
                throw new IllegalStateException("overlapping or out-of-range edit at byte " + e.start);
            }
            size += e.bytes.length - (e.end - e.start);
            last = e.end;
        }
        byte[] out = new byte[Math.toIntExact(size)];
        int src = 0;
        int dst = 0;
        for (Edit e : sorted) {
            int keep = e.start - src;
            System.arraycopy(original, src, out, dst, keep);
            dst += keep;
            System.arraycopy(e.bytes, 0, out, dst, e.bytes.length);
            dst += e.bytes.length;
            src = e.end;
        }
        System.arraycopy(original, src, out, dst, original.length - src);
        return out;
    }
}
