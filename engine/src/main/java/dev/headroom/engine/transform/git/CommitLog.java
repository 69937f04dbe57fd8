package dev.headroom.engine.transform.git;

import java.util.ArrayList;
import java.util.List;

/**
 * Where each commit of a {@code git log} / {@code git show} output lies: its header ({@code commit <hash>},
 * {@code Merge:}, {@code Author:}, {@code Date:} and the other fields of {@code --format=fuller}), its message
 * (the lines git indents by four spaces) and the rest up to the next commit (a diff, a {@code --stat} or
 * {@code --name-status} list). One pass, no regular expressions.
 */
public final class CommitLog {

    /** The message indent git writes in its medium, full and fuller formats. */
    static final String INDENT = "    ";

    /**
     * One commit: lines {@code [start, end)}; its message is {@code [messageStart, messageEnd)}, empty when the
     * commit has none.
     */
    record Commit(int start, int messageStart, int messageEnd, int end) {
    }

    private CommitLog() {
    }

    static List<Commit> parse(List<String> lines) {
        List<Commit> out = new ArrayList<>();
        int n = lines.size();
        int i = 0;
        while (i < n && !isCommitLine(lines.get(i))) {
            i++;
        }
        while (i < n) {
            int start = i;
            int j = i + 1;
            while (j < n && !lines.get(j).isEmpty() && !isCommitLine(lines.get(j))) {
                j++; // Merge:, Author:, Date: ...
            }
            int messageStart = j < n && lines.get(j).isEmpty() ? j + 1 : j;
            int messageEnd = messageStart;
            while (messageEnd < n && lines.get(messageEnd).startsWith(INDENT)) {
                messageEnd++;
            }
            if (messageEnd == messageStart) {
                messageStart = j;
                messageEnd = j;
            }
            int end = messageEnd;
            while (end < n && !isCommitLine(lines.get(end))) {
                end++;
            }
            out.add(new Commit(start, messageStart, messageEnd, end));
            i = end;
        }
        return out;
    }

    /** {@code commit <7-64 hex>}, optionally followed by decorations ({@code (HEAD -> main)}) or a parent list. */
    static boolean isCommitLine(String line) {
        if (!line.startsWith("commit ")) {
            return false;
        }
        int i = 7;
        while (i < line.length() && isHex(line.charAt(i))) {
            i++;
        }
        int digits = i - 7;
        return digits >= 7 && digits <= 64 && (i == line.length() || line.charAt(i) == ' ');
    }

    /**
     * True when the head of a text is a git log or git show: its first non-blank line is a commit line and an
     * {@code Author:} line follows within the next few lines (after {@code Merge:} on a merge commit).
     */
    public static boolean looksLikeGitLog(List<String> head) {
        int i = 0;
        while (i < head.size() && head.get(i).isBlank()) {
            i++;
        }
        if (i >= head.size() || !isCommitLine(head.get(i))) {
            return false;
        }
        for (int k = i + 1; k < Math.min(head.size(), i + 5); k++) {
            if (head.get(k).startsWith("Author: ")) {
                return true;
            }
        }
        return false;
    }

    private static boolean isHex(char c) {
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f');
    }
}
