package dev.headroom.engine.transform.log;

import java.util.List;

/**
 * What each line of a log is, computed once per log and shared by every selection attempt: its level, whether
 * it is a summary, an assertion detail, part of a stack trace, or part of a block that lists failures. A line
 * that is any of these is <em>protected</em>: in the output of a failing command it is never left out.
 *
 * <p>Stack traces are followed as blocks, so the lines inside them that look like nothing on their own count
 * too: the code lines of a Python traceback, a goroutine's frames, the message lines under a Rust panic.
 * One pass over the lines.
 *
 * @param levels  each line's severity
 * @param summary a build result, test total or section banner (never also an error)
 * @param detail  what a failed assertion expected and got, or where it failed ({@link TestRunLines#isAssertionDetail})
 * @param stack   a line of a stack trace, its header or its exception line
 * @param block   a line under a heading that lists failures ({@link TestRunLines#isFailureBlockHeading})
 */
record LineFacts(LogLines.Level[] levels, boolean[] summary, boolean[] detail, boolean[] stack, boolean[] block) {

    /** A block that lists failures is followed at most this far. */
    static final int MAX_BLOCK = 40;
    /** A Rust panic's message and backtrace are followed at most this far. */
    static final int MAX_PANIC = 80;

    static LineFacts of(List<String> lines) {
        int n = lines.size();
        LineFacts f = new LineFacts(new LogLines.Level[n], new boolean[n], new boolean[n], new boolean[n], new boolean[n]);
        for (int i = 0; i < n; i++) {
            String line = lines.get(i);
            f.levels[i] = LogLines.level(line);
            f.summary[i] = f.levels[i] != LogLines.Level.ERROR && LogLines.isSummary(line);
            f.detail[i] = TestRunLines.isAssertionDetail(line);
        }
        f.markStacks(lines);
        f.markBlocks(lines);
        return f;
    }

    /** True when the line is an error, warning, summary, assertion detail, stack or failure-block line. */
    boolean isProtected(int i) {
        return levels[i] != LogLines.Level.OTHER || summary[i] || detail[i] || stack[i] || block[i];
    }

    private void markStacks(List<String> lines) {
        int n = lines.size();
        int i = 0;
        while (i < n) {
            String line = lines.get(i);
            String t = line.stripLeading();
            int end;
            if (t.startsWith("Traceback (most recent call last)")) {
                end = indentedUntil(lines, i + 1);
                end = end < n ? end + 1 : end; // the exception line
            } else if (t.startsWith("goroutine ") && t.endsWith("]:")) {
                end = i + 1;
                while (end < n && isGoFrame(lines.get(end))) {
                    end++;
                }
            } else if (TestRunLines.isRustPanic(t)) {
                end = i + 1;
                while (end < n && end - i < MAX_PANIC && !lines.get(end).isBlank()) {
                    end++;
                }
            } else if (LogLines.isFrame(line) || LogLines.isTraceStart(line)) {
                end = i + 1;
            } else {
                i++;
                continue;
            }
            for (int k = i; k < end; k++) {
                stack[k] = true;
            }
            i = Math.max(end, i + 1);
        }
    }

    private void markBlocks(List<String> lines) {
        int n = lines.size();
        for (int i = 0; i < n; i++) {
            if (!TestRunLines.isFailureBlockHeading(lines.get(i))) {
                continue;
            }
            block[i] = true;
            int k = i + 1;
            if (k < n && lines.get(k).isBlank()) {
                k++; // Gradle and jest leave one blank line under the heading
            }
            while (k < n && k - i <= MAX_BLOCK && !lines.get(k).isBlank()) {
                block[k++] = true;
            }
        }
    }

    private static int indentedUntil(List<String> lines, int from) {
        int j = from;
        while (j < lines.size() && !lines.get(j).isEmpty() && Character.isWhitespace(lines.get(j).charAt(0))) {
            j++;
        }
        return j;
    }

    /** Go trace lines: {@code pkg.func(args)} / {@code created by ...} and tab-indented {@code file.go:N +0x..}. */
    static boolean isGoFrame(String line) {
        return !line.isEmpty() && (line.charAt(0) == '\t' || line.endsWith(")") || line.startsWith("created by "));
    }
}
