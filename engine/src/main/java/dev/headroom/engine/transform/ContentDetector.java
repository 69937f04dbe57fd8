package dev.headroom.engine.transform;

import dev.headroom.engine.transform.git.BlameLines;
import dev.headroom.engine.transform.git.CommitLog;
import dev.headroom.engine.transform.log.LogLines;
import dev.headroom.engine.transform.log.TestRunLines;
import dev.headroom.engine.transform.search.GrepHit;
import dev.headroom.engine.transform.text.TextNormalizer;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Decides what a tool output looks like from its first {@link #MAX_LINES} lines / {@link #MAX_CHARS}
 * characters only, so the cost does not grow with the output. Deterministic; checks in order: JSON, git log,
 * diff, HTML, search results, log, code, text. Each check is a ratio of recognisable lines, with no regular
 * expressions (no backtracking on long lines).
 */
public final class ContentDetector {

    static final int MAX_LINES = 200;
    static final int MAX_CHARS = 16 * 1024;

    private ContentDetector() {
    }

    public static ContentType detect(String text) {
        String head = text.length() > MAX_CHARS ? text.substring(0, MAX_CHARS) : text;
        String t = head.stripLeading();
        if (t.isEmpty()) {
            return ContentType.TEXT;
        }
        List<String> lines = firstLines(t);
        if (looksLikeJson(t, lines.get(0))) {
            return ContentType.JSON;
        }
        if (CommitLog.looksLikeGitLog(lines) || BlameLines.looksLikeBlame(lines)) {
            return ContentType.GIT_LOG; // before the diff check: git log -p and git show hold diffs
        }
        if (isDiff(lines)) {
            return ContentType.DIFF;
        }
        if (isHtml(t)) {
            return ContentType.HTML;
        }
        int nonEmpty = 0;
        int search = 0;
        int log = 0;
        int errors = 0;
        int code = 0;
        int planChanges = 0;
        String heading = null;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.isBlank()) {
                continue;
            }
            nonEmpty++;
            if (isSearchLine(lines, i, heading)) {
                search++;
                if (GrepHit.looksLikePath(line) && GrepHit.parse(line, null) == null) {
                    heading = line;
                }
            }
            LogLines.Level level = LogLines.level(line);
            if (level != LogLines.Level.OTHER || LogLines.hasQuietLevel(line) || LogLines.hasTimestamp(line) || LogLines.isFrame(line)
                    || LogLines.isTraceStart(line) || LogLines.isSummary(line) || isTestResult(line)) {
                log++;
            }
            if (level == LogLines.Level.ERROR) {
                errors++;
            }
            if (CodeLines.isCodeLine(line)) {
                code++;
            } else if (CodeLines.isPlanChange(line.strip())) {
                planChanges++;
            }
        }
        if (nonEmpty == 0) {
            return ContentType.TEXT;
        }
        if (search * 10 >= nonEmpty * 4) {
            return ContentType.SEARCH;
        }
        // tables, records and CSV (transform.table): after search results, before logs; reads the head unstripped
        ContentType tabular = dev.headroom.engine.transform.table.TabularDetector.detect(head);
        if (tabular != null) {
            return tabular;
        }
        if (log * 10 >= nonEmpty * 3 || (log * 10 >= nonEmpty && errors >= 2)) {
            return ContentType.LOG;
        }
        if (code >= 3 && code * 10 >= nonEmpty * 3 && planChanges * 2 < code) {
            return ContentType.CODE;
        }
        return ContentType.TEXT;
    }

    private static List<String> firstLines(String t) {
        List<String> out = new ArrayList<>();
        int start = 0;
        while (start <= t.length() && out.size() < MAX_LINES) {
            int nl = t.indexOf('\n', start);
            int end = nl < 0 ? t.length() : nl;
            String line = TextNormalizer.stripAnsi(t.substring(start, end)); // coloured build output (jest, cargo, Gradle)
            out.add(line.endsWith("\r") ? line.substring(0, line.length() - 1) : line);
            if (nl < 0) {
                break;
            }
            start = nl + 1;
        }
        return out;
    }

    /**
     * Starts like a JSON value. {@code [INFO] ...} (Maven) and {@code [2024-01-01 ...] ...} (bracketed
     * timestamps) start with a bracket too, so the character after it must be one a JSON array can hold and
     * the first line must not carry a log level or timestamp after a bracketed number.
     */
    private static boolean looksLikeJson(String t, String firstLine) {
        char c = t.charAt(0);
        if (c != '{' && c != '[') {
            return false;
        }
        int i = 1;
        while (i < t.length() && (t.charAt(i) == ' ' || t.charAt(i) == '\t' || t.charAt(i) == '\r' || t.charAt(i) == '\n')) {
            i++;
        }
        if (i >= t.length()) {
            return false;
        }
        char next = t.charAt(i);
        if (c == '{') {
            return next == '"' || next == '}';
        }
        if (next == '{' || next == '[' || next == '"' || next == ']') {
            return true;
        }
        if (next == '-' || Character.isDigit(next) || next == 't' || next == 'f' || next == 'n') {
            return !LogLines.hasTimestamp(firstLine) && LogLines.level(firstLine) == LogLines.Level.OTHER;
        }
        return false;
    }

    private static boolean isDiff(List<String> lines) {
        int headers = 0;
        int hunks = 0;
        int changes = 0;
        for (int i = 0; i < lines.size(); i++) {
            String l = lines.get(i);
            if (l.startsWith("diff --git ") || l.startsWith("diff --cc ") || l.startsWith("diff --combined ")) {
                headers += 2;
            } else if (l.startsWith("--- ") && i + 1 < lines.size() && lines.get(i + 1).startsWith("+++ ")) {
                headers++;
            } else if (l.startsWith("@@ -") || l.startsWith("@@@ -")) {
                hunks++;
            } else if ((l.startsWith("+") || l.startsWith("-")) && !l.startsWith("+++") && !l.startsWith("---")) {
                changes++;
            }
        }
        return (headers >= 2 && (hunks > 0 || changes > 0)) || (headers >= 1 && hunks > 0)
                || (hunks >= 2 && changes >= 2);
    }

    private static boolean isHtml(String t) {
        String start = t.substring(0, Math.min(t.length(), 512)).toLowerCase(Locale.ROOT);
        if (start.startsWith("<!doctype html") || start.startsWith("<html") || start.startsWith("<?xml")
                && start.contains("<html")) {
            return true;
        }
        String lower = t.substring(0, Math.min(t.length(), 4096)).toLowerCase(Locale.ROOT);
        return lower.contains("<html") && (lower.contains("<body") || lower.contains("<head"));
    }

    /** {@code path:12:...}, {@code path-12-...}, or an rg {@code --heading} path or row. */
    private static boolean isSearchLine(List<String> lines, int i, String heading) {
        String line = lines.get(i);
        if (GrepHit.parse(line, null) != null || line.equals("--")) {
            return true;
        }
        if (heading != null && GrepHit.parseHeadingRow(line) != null) {
            return true;
        }
        return GrepHit.looksLikePath(line) && i + 1 < lines.size() && GrepHit.parseHeadingRow(lines.get(i + 1)) != null;
    }

    /** pytest / go test / cargo / jest / npm / Gradle result and progress lines. */
    private static boolean isTestResult(String line) {
        String t = line.strip();
        return t.endsWith(" PASSED") || t.endsWith(" FAILED") || t.endsWith(" ok") || t.startsWith("PASSED ")
                || t.startsWith("ok  ") || t.startsWith("--- PASS") || t.startsWith("--- FAIL") || t.startsWith("=== RUN")
                || t.contains(" PASSED [") || t.contains(" FAILED [") || t.startsWith("✓") || t.startsWith("✗")
                || t.startsWith("test ") && (t.endsWith("... ok") || t.endsWith("... FAILED"))
                || t.startsWith("npm ERR!") || t.startsWith("npm WARN") || t.startsWith("Compiling ")
                || t.startsWith("Downloading ") || t.startsWith("Downloaded ")
                || t.startsWith("npm warn ") || t.startsWith("npm error ") || TestRunLines.isPassingTest(t)
                || TestRunLines.isBuildStep(t) || TestRunLines.isFailureHeading(t);
    }
}
