package dev.headroom.engine.transform.wrap;

/**
 * The header Codex writes in front of every {@code exec_command} result:
 * <pre>
 * Chunk ID: 5a1f
 * Wall time: 0.21 seconds
 * Process exited with code 1
 * Original token count: 5120
 * Output:
 * Warning: truncated output (original token count: 10646)
 * Total output lines: 1
 *
 * ...the command's output...
 * </pre>
 * The {@code Warning:} and {@code Total output lines:} lines, and the blank line after them, appear only when
 * Codex cut the output. Older shells write {@code Exit code: 0} and the like before {@code Output:}; any
 * {@code Key words: value} line is accepted there.
 */
final class CodexExecHeader {

    private static final int MAX_HEADER_LINES = 12;

    private CodexExecHeader() {
    }

    /** The length of the header at the start of {@code text} (through the line that ends it), or 0 when none. */
    static int length(String text) {
        int pos = 0;
        for (int line = 0; line < MAX_HEADER_LINES && pos < text.length(); line++) {
            int nl = text.indexOf('\n', pos);
            if (nl < 0) {
                return 0;
            }
            String l = text.substring(pos, nl);
            if (l.equals("Output:") || l.equals("Output:\r")) {
                return line == 0 ? 0 : truncationNotice(text, nl + 1);
            }
            if (!isHeaderLine(l)) {
                return 0;
            }
            pos = nl + 1;
        }
        return 0;
    }

    /**
     * True when the output starts with a header that says the command exited with a code other than 0
     * ({@code Process exited with code 1}, {@code Exit code: 2}): Codex marks no failure otherwise.
     */
    static boolean failed(String text) {
        int header = length(text);
        if (header == 0) {
            return false;
        }
        for (String line : text.substring(0, header).split("\n")) {
            String code = line.startsWith("Process exited with code ") ? line.substring(25)
                    : line.startsWith("Exit code: ") ? line.substring(11) : null;
            if (code != null) {
                code = code.strip();
                return !code.isEmpty() && !code.equals("0") && (Character.isDigit(code.charAt(0)) || code.charAt(0) == '-');
            }
        }
        return false;
    }

    /** Past Codex's notice that it cut the output, when one follows {@code Output:}. */
    private static int truncationNotice(String text, int pos) {
        if (!text.startsWith("Warning: truncated output", pos)) {
            return pos;
        }
        int end = text.indexOf('\n', pos);
        if (end < 0) {
            return pos;
        }
        pos = end + 1;
        if (text.startsWith("Total output lines: ", pos)) {
            end = text.indexOf('\n', pos);
            pos = end < 0 ? pos : end + 1;
        }
        if (text.startsWith("\n", pos)) {
            pos++;
        }
        return pos;
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
