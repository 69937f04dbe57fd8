package dev.headroom.proxy.forward;

/** Searching raw bytes in place, so a look at a body or an event costs no String copy of it. */
final class Bytes {

    private Bytes() {
    }

    /** Where {@code word} first lies wholly inside {@code a[from, to)}, or -1. */
    static int indexOf(byte[] a, byte[] word, int from, int to) {
        outer:
        for (int i = from, last = to - word.length; i <= last; i++) {
            for (int k = 0; k < word.length; k++) {
                if (a[i + k] != word[k]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
