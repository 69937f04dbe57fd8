package dev.headroom.engine.transform.log;

/**
 * What one log line is: its severity, whether it belongs to a stack trace, whether it is a summary line.
 * Word scans only (no regular expressions), so a 100 KB line costs one pass. Shared with the content
 * detector.
 */
public final class LogLines {

    /** A line's severity as far as selection cares. */
    public enum Level { ERROR, WARN, OTHER }

    private LogLines() {
    }

    /**
     * ERROR for upper-case ERROR/ERR!/FATAL/CRITICAL/SEVERE/FAIL/FAILED/FAILURE/PANIC words, for
     * {@code error:} / {@code Error:} / {@code error[E..]} / {@code level=error} forms and for exception
     * names ({@code java.io.IOException:}); WARN likewise for WARN/WARNING; OTHER otherwise.
     */
    public static Level level(String line) {
        if (line.startsWith("E   ") || line.startsWith("npm error ") || TestRunLines.isFailureHeading(line)) {
            return Level.ERROR; // pytest's assertion details, npm 10's errors, jest's failed tests
        }
        Level found = Level.OTHER;
        int n = line.length();
        int i = 0;
        while (i < n) {
            char c = line.charAt(i);
            if (!isLetter(c)) {
                i++;
                continue;
            }
            int j = i;
            while (j < n && isLetter(line.charAt(j))) {
                j++;
            }
            // word boundaries: not glued to letters or digits on either side
            boolean boundedLeft = i == 0 || !Character.isLetterOrDigit(line.charAt(i - 1));
            char before = i == 0 ? ' ' : line.charAt(i - 1);
            char after = j < n ? line.charAt(j) : ' ';
            int len = j - i;
            // only words that can be a level are materialised: this runs on every line of large logs
            Level l = boundedLeft && !Character.isDigit(after) && len >= 3 && len <= 8 && isLevelInitial(c)
                    ? classify(line.substring(i, j), before, after) : Level.OTHER;
            if (l == Level.OTHER && (after == ':' || j == n)
                    && (endsWith(line, j, "Exception") || (len > 5 && endsWith(line, j, "Error")))) {
                l = Level.ERROR;
            }
            if (l == Level.ERROR) {
                return l;
            }
            if (l == Level.WARN) {
                found = l;
            }
            i = j;
        }
        return found;
    }

    /** True when the line carries any level word, INFO/DEBUG/TRACE/NOTICE included, or an ERROR/WARN level. */
    public static boolean hasLevel(String line) {
        return level(line) != Level.OTHER || hasQuietLevel(line);
    }

    private static final String[] QUIET_LEVELS = {"INFO", "DEBUG", "TRACE", "NOTICE", "FINE"};

    /** True when an INFO/DEBUG/TRACE/NOTICE/FINE word appears in the first 200 characters (for callers that know the level). */
    public static boolean hasQuietLevel(String line) {
        int n = Math.min(line.length(), 200);
        for (String w : QUIET_LEVELS) {
            int at = line.indexOf(w);
            if (at >= 0 && at < n && (at == 0 || !Character.isLetterOrDigit(line.charAt(at - 1)))
                    && (at + w.length() >= line.length() || !Character.isLetterOrDigit(line.charAt(at + w.length())))) {
                return true;
            }
        }
        return false;
    }

    private static boolean isLevelInitial(char c) {
        return c == 'E' || c == 'e' || c == 'W' || c == 'w' || c == 'F' || c == 'f' || c == 'C' || c == 'S' || c == 'P'
                || c == 'p';
    }

    private static boolean endsWith(String line, int end, String suffix) {
        return end >= suffix.length() && line.regionMatches(end - suffix.length(), suffix, 0, suffix.length());
    }

    private static Level classify(String w, char before, char after) {
        switch (w) {
            case "ERROR", "ERR", "FATAL", "CRITICAL", "SEVERE", "FAIL", "FAILED", "FAILURE", "FAILURES", "PANIC", "panicked":
                return Level.ERROR;
            case "WARN", "WARNING":
                return Level.WARN;
            case "error", "Error", "fatal", "Fatal", "panic":
                return after == ':' || after == '[' || after == ']' || before == '=' || before == '[' ? Level.ERROR : Level.OTHER;
            case "warning", "Warning", "warn":
                return after == ':' || after == ']' || before == '=' || before == '[' ? Level.WARN : Level.OTHER;
            default:
                return Level.OTHER;
        }
    }

    /**
     * A stack-trace frame: Java/JS {@code at ...}, {@code ... N more}, Python {@code File "..."}, Go {@code .go:N},
     * and rustc's {@code --> src/lib.rs:6:9} location under a warning or error.
     */
    public static boolean isFrame(String line) {
        int i = indent(line);
        if (i == 0 || i >= line.length()) {
            return false;
        }
        if (line.startsWith("at ", i) || line.startsWith("--> ", i)) {
            return true;
        }
        if (line.startsWith("... ", i) && (line.endsWith(" more") || line.contains("common frames omitted"))) {
            return true;
        }
        if (line.startsWith("File \"", i)) {
            return true;
        }
        int go = line.indexOf(".go:", i);
        return go > 0 && line.charAt(i) == '/';
    }

    /** The first line of a trace or a nested cause: Traceback, Caused by, Suppressed, panic, goroutine, a Rust panic. */
    public static boolean isTraceStart(String line) {
        String t = line.stripLeading();
        return t.startsWith("Traceback (most recent call last)") || t.startsWith("Caused by:")
                || t.startsWith("Suppressed:") || t.startsWith("panic: ") || (t.startsWith("goroutine ") && t.endsWith("]:"))
                || t.startsWith("Exception in thread ") || TestRunLines.isRustPanic(t);
    }

    /**
     * Summary lines worth keeping: build results, test totals, section banners with text. A test class that
     * passed ({@code Tests run: 3, Failures: 0, Errors: 0, ... -- in com.acme.FooTest}) is progress, not a summary.
     */
    public static boolean isSummary(String line) {
        String t = stripLevelPrefix(line.strip());
        if (TestRunLines.isPassingTest(t)) {
            return false;
        }
        if (t.startsWith("BUILD ") || t.startsWith("Tests run:") || t.startsWith("Tests:") || t.startsWith("Test Suites:")
                || t.startsWith("Total time:") || t.startsWith("Results") || t.startsWith("test result:")
                || t.startsWith("Failed tests:") || t.startsWith("Tests in error:") || t.startsWith("Summary")
                || t.startsWith("TOTAL") || t.startsWith("Ran ") || t.equals("OK") || t.startsWith("FAILURES!")
                || t.startsWith("Snapshots:") || t.startsWith("Time:") || t.contains(" actionable task")
                || (t.startsWith("added ") || t.startsWith("removed ") || t.startsWith("up to date")) && t.contains(" packages")) {
            return true;
        }
        if (t.startsWith("===") || t.startsWith("---") || t.startsWith("***") || t.startsWith("___")) {
            return hasLetter(t);
        }
        return countsTests(t);
    }

    private static final String[] TEST_COUNT_WORDS = {"passed", "failed", "error", "skipped", "tests completed", "failing",
        "passing"};

    /** {@code 3 passed}, {@code 1 failed}, {@code 2 errors}, {@code 12 tests completed} and the like. */
    private static boolean countsTests(String t) {
        int n = t.length();
        for (int i = 0; i < n; i++) {
            if (!Character.isDigit(t.charAt(i)) || (i > 0 && Character.isLetterOrDigit(t.charAt(i - 1)))) {
                continue;
            }
            int j = i;
            while (j < n && Character.isDigit(t.charAt(j))) {
                j++;
            }
            if (j < n && t.charAt(j) == ' ') {
                int r = j + 1;
                for (String word : TEST_COUNT_WORDS) {
                    if (t.startsWith(word, r)) {
                        return true;
                    }
                }
            }
            i = j;
        }
        return false;
    }

    /** The line without a leading {@code [INFO]}-style tag, for prefix checks. */
    static String stripLevelPrefix(String t) {
        if (t.startsWith("[") ) {
            int close = t.indexOf(']');
            if (close > 0 && close < 12) {
                return t.substring(close + 1).strip();
            }
        }
        return t;
    }

    /**
     * True when a timestamp (yyyy-mm-dd, hh:mm:ss) appears in the first 40 characters, or an access log's
     * {@code [27/Nov/2026:10:01:02 +0000]} after the client address and user (the first 80).
     */
    public static boolean hasTimestamp(String line) {
        return hasLeadingTimestamp(line) || TimestampRuns.accessPrefix(line) != null;
    }

    private static boolean hasLeadingTimestamp(String line) {
        int n = Math.min(line.length(), 40);
        for (int i = 0; i + 8 <= n; i++) {
            if (digits(line, i, 4) && i + 10 <= line.length() && (line.charAt(i + 4) == '-' || line.charAt(i + 4) == '/')
                    && digits(line, i + 5, 2) && digits(line, i + 8, 2)) {
                return true;
            }
            if (digits(line, i, 2) && line.charAt(i + 2) == ':' && digits(line, i + 3, 2) && line.charAt(i + 5) == ':'
                    && digits(line, i + 6, 2)) {
                return true;
            }
        }
        return false;
    }

    private static boolean digits(String s, int from, int count) {
        if (from + count > s.length()) {
            return false;
        }
        for (int k = from; k < from + count; k++) {
            if (!Character.isDigit(s.charAt(k))) {
                return false;
            }
        }
        return true;
    }

    private static int indent(String line) {
        int i = 0;
        while (i < line.length() && (line.charAt(i) == ' ' || line.charAt(i) == '\t')) {
            i++;
        }
        return i;
    }

    private static boolean hasLetter(String t) {
        for (int i = 0; i < t.length(); i++) {
            if (Character.isLetter(t.charAt(i))) {
                return true;
            }
        }
        return false;
    }

    private static boolean isLetter(char c) {
        return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
    }
}
