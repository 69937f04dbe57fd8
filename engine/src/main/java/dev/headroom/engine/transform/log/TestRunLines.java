package dev.headroom.engine.transform.log;

/**
 * Lines that test runners and build tools print, by what they tell a reader: a failure's assertion detail
 * (Expected/Received, left/right, a Go test's {@code x_test.go:12:} message), the heading of a failed test
 * (jest's {@code ●}, a {@code ✕}), a Rust panic, the heading of a block that lists failures, a test that
 * passed, and a build step (download, compile, task). Prefix checks on the stripped line only, no regular
 * expressions: these run on every line of a log.
 */
public final class TestRunLines {

    private TestRunLines() {
    }

    /**
     * A line that states what a failed assertion expected and got, or where it failed: jest's
     * {@code Expected:}/{@code Received:} and its {@code > 34 |} code-frame line, Rust's {@code left:}/{@code right:},
     * pytest's {@code >       assert ...} source line, a Go test's {@code price_test.go:27: ...} message.
     */
    public static boolean isAssertionDetail(String line) {
        if (line.startsWith(">   ")) {
            return true; // pytest marks the failing source line with '>' in column 0
        }
        String t = line.strip();
        if (t.startsWith("Expected") || t.startsWith("Received")) {
            int colon = t.indexOf(':');
            return colon > 0 && colon < 20 || t.startsWith("Expected value") || t.startsWith("Received value");
        }
        if (t.startsWith("left: ") || t.startsWith("right: ") || t.startsWith("- Expected") || t.startsWith("+ Received")) {
            return true;
        }
        if (t.startsWith("> ") && t.length() > 2 && Character.isDigit(t.charAt(2)) && t.contains(" |")) {
            return true; // jest / babel code frame: "> 34 |     expect(...)"
        }
        return isGoTestMessage(t);
    }

    /** {@code price_test.go:27: message}: what a Go test reported with t.Error / t.Fatal (or t.Log). */
    static boolean isGoTestMessage(String t) {
        int go = t.indexOf("_test.go:");
        if (go <= 0 || t.indexOf(' ') < go) {
            return false;
        }
        int i = go + "_test.go:".length();
        int digits = i;
        while (i < t.length() && Character.isDigit(t.charAt(i))) {
            i++;
        }
        return i > digits && t.startsWith(": ", i);
    }

    /** jest's {@code ● Suite › test} heading of a failure (not its {@code ● Console}), or a {@code ✕}/{@code ✗} test. */
    public static boolean isFailureHeading(String line) {
        String t = line.stripLeading();
        if (t.startsWith("● ")) {
            return !t.startsWith("● Console");
        }
        return t.startsWith("✕ ") || t.startsWith("✗ ") || t.startsWith("× ");
    }

    /** {@code thread 'tests::x' panicked at src/lib.rs:10:5:} (the thread id in parentheses since Rust 1.87). */
    static boolean isRustPanic(String stripped) {
        return stripped.startsWith("thread '") && stripped.contains("' panicked at ")
                || stripped.startsWith("thread '") && stripped.contains(") panicked at ");
    }

    /**
     * The heading of a short block that lists failures or says what went wrong, whose lines up to the next
     * blank line all matter: cargo's {@code failures:}, Gradle's {@code * What went wrong:}, jest's
     * {@code Summary of all failing tests}, a JUnit console's {@code Failures (2):}.
     */
    public static boolean isFailureBlockHeading(String line) {
        String t = line.strip();
        return t.equals("failures:") || t.startsWith("* What went wrong") || t.startsWith("Summary of all failing tests")
                || t.startsWith("Failures (") && t.endsWith("):");
    }

    /**
     * A test that passed (or a progress line of passing tests): Maven's per-class {@code Tests run: 3, Failures: 0,
     * Errors: 0, ... in X}, cargo's {@code test x ... ok}, Go's {@code === RUN}/{@code --- PASS}/{@code ok  pkg},
     * pytest's {@code ... PASSED [ 4%]} and {@code tests/x.py ....  [ 8%]}, jest's {@code ✓} and {@code PASS file},
     * Gradle's {@code Test > x() PASSED}. The line is stripped of its {@code [INFO]} tag by the caller or here.
     */
    public static boolean isPassingTest(String line) {
        String t = LogLines.stripLevelPrefix(line.strip());
        if (t.startsWith("Tests run:")) {
            return t.contains("Failures: 0, Errors: 0") && t.contains(" in ");
        }
        if (t.startsWith("test ")) {
            return t.endsWith(" ... ok") || t.endsWith(" ... ignored");
        }
        if (t.startsWith("=== RUN") || t.startsWith("=== PAUSE") || t.startsWith("=== CONT") || t.startsWith("--- PASS")
                || t.startsWith("--- SKIP") || t.startsWith("ok  ") || t.equals("PASS") || t.startsWith("PASS ")
                || t.startsWith("✓ ") || t.startsWith("√ ")) {
            return true;
        }
        if (t.endsWith(" PASSED") || t.contains(" PASSED ") && t.endsWith("%]")) {
            return true;
        }
        return isPytestProgress(t);
    }

    /** {@code tests/test_x.py ..s..   [ 42%]}: a file name, then only dots, s and x, then the percentage. */
    private static boolean isPytestProgress(String t) {
        if (!t.endsWith("%]")) {
            return false;
        }
        int space = t.indexOf(' ');
        int open = t.lastIndexOf('[');
        if (space <= 0 || open < space) {
            return false;
        }
        for (int i = space; i < open; i++) {
            char c = t.charAt(i);
            if (c != ' ' && c != '.' && c != 's' && c != 'x') {
                return false;
            }
        }
        return true;
    }

    /** A build step that went through: a download, a compile, a Gradle task that did not fail. */
    public static boolean isBuildStep(String line) {
        String t = LogLines.stripLevelPrefix(line.strip());
        if (t.startsWith("> Task ")) {
            return !t.endsWith(" FAILED");
        }
        return t.startsWith("Downloading ") || t.startsWith("Downloaded ") || t.startsWith("Progress (")
                || t.startsWith("Compiling ") || t.startsWith("Checking ") || t.startsWith("Fresh ") || t.startsWith("Locking ")
                || t.startsWith("Updating ") || t.startsWith("Installing ") || t.startsWith("Resolving ")
                || t.startsWith("Building ") || t.startsWith("Finished ");
    }
}
