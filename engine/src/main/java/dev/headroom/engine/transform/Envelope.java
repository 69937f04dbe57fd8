package dev.headroom.engine.transform;

/**
 * Splits the header some agents wrap around a command's output, so the output itself can be detected and
 * compressed. Codex's {@code exec_command} results read:
 * <pre>
 * Chunk ID: 5a1f
 * Wall time: 0.21 seconds
 * Process exited with code 1
 * Original token count: 5120
 * Output:
 * ...the command's output...
 * </pre>
 * The header is kept verbatim; only the part after {@code Output:} goes to a compressor.
 *
 * @param header the header lines including the {@code Output:} line and its newline
 * @param body   the command output
 */
public record Envelope(String header, String body) {

    private static final int MAX_HEADER_LINES = 12;

    /** The envelope of {@code text}, or null when it has none. */
    public static Envelope split(String text) {
        int pos = 0;
        for (int line = 0; line < MAX_HEADER_LINES && pos < text.length(); line++) {
            int nl = text.indexOf('\n', pos);
            if (nl < 0) {
                return null;
            }
            String l = text.substring(pos, nl);
            if (l.equals("Output:") || l.equals("Output:\r")) {
                return line == 0 ? null : new Envelope(text.substring(0, nl + 1), text.substring(nl + 1));
            }
            if (!isHeaderLine(l)) {
                return null;
            }
            pos = nl + 1;
        }
        return null;
    }

    /** {@code Key words: value}, or a plain status line such as {@code Process exited with code 0}. */
    private static boolean isHeaderLine(String l) {
        if (l.isEmpty() || l.length() > 200 || !Character.isUpperCase(l.charAt(0))) {
            return false;
        }
        int colon = l.indexOf(": ");
        if (colon > 0 && colon < 40) {
            for (int i = 0; i < colon; i++) {
                char c = l.charAt(i);
                if (!Character.isLetterOrDigit(c) && c != ' ' && c != '_' && c != '-') {
                    return false;
                }
            }
            return true;
        }
        return l.startsWith("Process exited with code") || l.startsWith("Exit code");
    }
}
