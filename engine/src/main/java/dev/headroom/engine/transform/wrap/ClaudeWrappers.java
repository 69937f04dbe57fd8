package dev.headroom.engine.transform.wrap;

/**
 * What Claude Code puts around a Bash result: {@code Exit code N} on a line of its own in front of a failed
 * command's output, and for outputs over about 30 KB a preview in place of the output:
 * <pre>
 * &lt;persisted-output&gt;
 * Output too large (41.6KB). Full output saved to: /home/dev/.claude/projects/.../tool-results/b5hnc02ph.txt
 *
 * Preview (first 2KB):
 * {"data": [{"id": 1000, ...   (cut at 2 KB)
 * ...
 * &lt;/persisted-output&gt;
 * </pre>
 */
final class ClaudeWrappers {

    static final String PERSISTED_OPEN = "<persisted-output>\n";
    static final String PERSISTED_CLOSE = "</persisted-output>";
    private static final String PREVIEW = "Preview (first ";
    private static final String ELLIPSIS_CLOSE = "\n...\n" + PERSISTED_CLOSE;

    private ClaudeWrappers() {
    }

    /** The length of an {@code Exit code N} line (with its newline) at the start of {@code text}, or 0. */
    static int exitCodeLine(String text) {
        if (!text.startsWith("Exit code ")) {
            return 0;
        }
        int i = "Exit code ".length();
        int digits = i;
        if (i < text.length() && text.charAt(i) == '-') {
            i++;
        }
        while (i < text.length() && Character.isDigit(text.charAt(i))) {
            i++;
        }
        if (i == digits || i >= text.length() || text.charAt(i) != '\n') {
            return 0;
        }
        return i + 1;
    }

    /**
     * The preview's bounds in a persisted-output block: {@code [start, end)} of the previewed output, or null when
     * {@code text} is not one such block.
     */
    static int[] preview(String text) {
        if (!text.startsWith(PERSISTED_OPEN)) {
            return null;
        }
        int header = text.indexOf("\n" + PREVIEW, PERSISTED_OPEN.length());
        if (header < 0) {
            return null;
        }
        int start = text.indexOf('\n', header + 1);
        String tail = text.stripTrailing();
        if (start < 0 || !tail.endsWith(PERSISTED_CLOSE)) {
            return null;
        }
        int end = tail.endsWith(ELLIPSIS_CLOSE) ? tail.length() - ELLIPSIS_CLOSE.length()
                : tail.length() - PERSISTED_CLOSE.length();
        return end > start + 1 ? new int[] {start + 1, end} : null;
    }
}
