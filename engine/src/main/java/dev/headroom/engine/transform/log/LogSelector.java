package dev.headroom.engine.transform.log;

import dev.headroom.engine.tokens.TokenEstimator;
import dev.headroom.engine.transform.text.QueryMatcher;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Decides which lines of a long log a reader needs: every error line (capped per template), one warning
 * per template, stack traces (head, capped frames, every cause), summary lines, the first and last few
 * lines, lines around errors, and the lines that best match the user's question. Everything else is left
 * to retrieval. One pass per rule, linear in the number of lines.
 */
final class LogSelector {

    /** How much to keep; {@link #NORMAL} first, then {@link #TIGHT} and {@link #MINIMAL} while the result is over budget. */
    record Limits(int head, int tail, int context, int javaFrames, int pythonFrames, int maxTraces,
                  int warnTemplates, int errorsPerTemplate, int queryLines) {
        static final Limits NORMAL = new Limits(3, 5, 2, 8, 8, 10, 30, 20, 20);
        static final Limits TIGHT = new Limits(2, 3, 1, 4, 4, 3, 10, 5, 8);
        static final Limits MINIMAL = new Limits(1, 2, 0, 2, 2, 2, 3, 2, 4);
    }

    private LogSelector() {
    }

    static boolean[] select(List<String> lines, QueryMatcher query, Limits limits, int markerTokens) {
        return select(lines, LineFacts.of(lines), query, limits, markerTokens, false);
    }

    /**
     * Lines to keep; {@code markerTokens} is the estimated token cost of a gap marker, below which a gap is cheaper
     * kept. With
     * {@code errorOutput} (a failing command's output) every protected line ({@link LineFacts#isProtected}) is
     * kept whatever the limits say: only the other lines may be left out.
     */
    static boolean[] select(List<String> lines, LineFacts facts, QueryMatcher query, Limits limits, int markerTokens,
                            boolean errorOutput) {
        int n = lines.size();
        boolean[] keep = new boolean[n];
        boolean[] anchor = new boolean[n];
        for (int i = 0; i < Math.min(limits.head(), n); i++) {
            keep[i] = true;
        }
        for (int i = Math.max(0, n - limits.tail()); i < n; i++) {
            keep[i] = true;
        }
        keepErrorsWarningsSummaries(lines, facts, limits, keep, anchor);
        keepTraces(lines, limits, keep, anchor);
        keepQueryMatches(lines, query, limits, keep);
        for (int i = 0; i < n; i++) {
            if (anchor[i]) {
                for (int k = Math.max(0, i - limits.context()); k <= Math.min(n - 1, i + limits.context()); k++) {
                    keep[k] = true;
                }
            }
            if (facts.block()[i] || errorOutput && facts.isProtected(i)) {
                keep[i] = true;
            }
        }
        fillSmallGaps(lines, keep, markerTokens);
        return keep;
    }

    private static void keepErrorsWarningsSummaries(List<String> lines, LineFacts facts, Limits limits, boolean[] keep,
                                                    boolean[] anchor) {
        Map<String, Integer> errorTemplates = new HashMap<>();
        Set<String> warnTemplates = new HashSet<>();
        Map<String, Integer> lastSummary = new HashMap<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            LogLines.Level level = facts.levels()[i];
            if (level == LogLines.Level.ERROR || facts.detail()[i]) {
                int seen = errorTemplates.merge(LogTemplate.of(line), 1, Integer::sum);
                if (seen <= limits.errorsPerTemplate()) {
                    keep[i] = true;
                    anchor[i] = true;
                }
            } else if (level == LogLines.Level.WARN) {
                if (warnTemplates.size() < limits.warnTemplates() && warnTemplates.add(LogTemplate.of(line))) {
                    keep[i] = true;
                }
            }
            if (facts.summary()[i]) {
                // per-module / per-class totals repeat with new numbers: keep the first and the last of each shape
                String template = LogTemplate.of(line);
                if (!lastSummary.containsKey(template)) {
                    keep[i] = true;
                }
                lastSummary.put(template, i);
            }
        }
        lastSummary.values().forEach(i -> keep[i] = true);
    }

    /**
     * Java/JS traces: the line before the first frame (the exception message), every {@code Caused by},
     * the first frames of each segment and its {@code ... N more}. Python tracebacks: the header, the last
     * frames (nearest the failure) and the exception line. Go: the goroutine header and its first frames.
     */
    private static void keepTraces(List<String> lines, Limits limits, boolean[] keep, boolean[] anchor) {
        int n = lines.size();
        int traces = 0;
        int i = 0;
        while (i < n) {
            String line = lines.get(i);
            String t = line.stripLeading();
            if (t.startsWith("Traceback (most recent call last)")) {
                int j = i + 1;
                while (j < n && !lines.get(j).isEmpty() && Character.isWhitespace(lines.get(j).charAt(0))) {
                    j++;
                }
                keep[i] = true;
                anchor[i] = true;
                if (traces++ < limits.maxTraces()) {
                    keepRange(keep, Math.max(i + 1, j - 2 * limits.pythonFrames()), j);
                    keepRange(keep, i + 1, Math.min(j, i + 3));
                }
                if (j < n) {
                    keep[j] = true; // the exception line
                }
                i = Math.max(j, i + 1);
                continue;
            }
            if (TestRunLines.isRustPanic(t)) {
                // the message under the panic line (assertion, left/right) up to the backtrace or a blank line
                int j = i + 1;
                while (j < n && j - i <= limits.javaFrames() && !lines.get(j).isBlank()
                        && !lines.get(j).startsWith("stack backtrace:")) {
                    j++;
                }
                keep[i] = true;
                anchor[i] = true;
                keepRange(keep, i + 1, j);
                i = j;
                continue;
            }
            if (t.startsWith("goroutine ") && t.endsWith("]:")) {
                int j = i + 1;
                while (j < n && LineFacts.isGoFrame(lines.get(j))) {
                    j++;
                }
                keep[i] = true;
                if (traces++ < limits.maxTraces()) {
                    keepRange(keep, i + 1, Math.min(j, i + 1 + 2 * limits.javaFrames()));
                    // and the frames in the program's own code (a function line and its file line each)
                    int own = 0;
                    for (int k = i + 1; k + 1 < j && own < limits.javaFrames(); k++) {
                        if (lines.get(k).charAt(0) != '\t' && isApplicationGoFrame(lines.get(k))) {
                            keepRange(keep, k, k + 2);
                            own++;
                        }
                    }
                }
                i = Math.max(j, i + 1);
                continue;
            }
            if (LogLines.isFrame(line)) {
                int j = i;
                while (j < n && LogLines.isFrame(lines.get(j))) {
                    j++;
                }
                if (i > 0) {
                    keep[i - 1] = true; // the exception message or Caused by
                    anchor[i - 1] = true;
                }
                if (traces++ < limits.maxTraces()) {
                    keepRange(keep, i, Math.min(j, i + limits.javaFrames()));
                    int own = 0;
                    for (int k = i + limits.javaFrames(); k < j && own < limits.javaFrames(); k++) {
                        if (isApplicationFrame(lines.get(k))) {
                            keep[k] = true;
                            own++;
                        }
                    }
                    String last = lines.get(j - 1).stripLeading();
                    if (last.startsWith("... ")) {
                        keep[j - 1] = true;
                    }
                }
                i = j;
                continue;
            }
            if (LogLines.isTraceStart(line)) {
                keep[i] = true;
            }
            i++;
        }
    }

    /** A Go function line outside the runtime and the testing package. */
    private static boolean isApplicationGoFrame(String line) {
        return !(line.startsWith("runtime.") || line.startsWith("testing.") || line.startsWith("panic(")
                || line.startsWith("created by ") || line.startsWith("sync.") || line.startsWith("reflect."));
    }

    private static final String[] LIBRARY_FRAMES = {"java.", "javax.", "jdk.", "sun.", "com.sun.", "kotlin.",
        "kotlinx.", "scala.", "org.junit.", "junit.", "org.springframework.", "org.apache.", "org.gradle.",
        "org.eclipse.", "io.netty.", "reactor.", "org.hibernate.", "com.zaxxer.", "org.mockito.", "net.bytebuddy.",
        "worker.org.gradle.", "node:", "internal/"};

    /** A frame in the user's own code rather than the JDK, a test runner or a framework: these locate the bug. */
    static boolean isApplicationFrame(String line) {
        String t = line.stripLeading();
        if (!t.startsWith("at ")) {
            return false;
        }
        t = t.substring(3);
        int slash = t.indexOf('/');
        if (slash > 0 && slash < t.indexOf('(') ) {
            t = t.substring(slash + 1); // java.base/java.lang...
        }
        for (String p : LIBRARY_FRAMES) {
            if (t.startsWith(p)) {
                return false;
            }
        }
        return true;
    }

    private static void keepQueryMatches(List<String> lines, QueryMatcher query, Limits limits, boolean[] keep) {
        if (query.isEmpty()) {
            return;
        }
        double[] scores = query.scores(lines);
        double best = 0;
        for (double s : scores) {
            best = Math.max(best, s);
        }
        // lines far weaker than the best match (one common word against an exact id) are noise
        double floor = best / 3;
        List<Integer> scored = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            if (scores[i] > 0 && scores[i] >= floor) {
                scored.add(i);
            }
        }
        scored.sort(Comparator.comparingDouble((Integer i) -> -scores[i]).thenComparingInt(i -> i));
        for (int k = 0; k < Math.min(limits.queryLines(), scored.size()); k++) {
            keep[scored.get(k)] = true;
        }
    }

    /**
     * A gap that costs fewer tokens than its marker (one line, a few short or blank lines, a dashed banner) is
     * kept instead: the marker's retrieval hash alone is a dozen tokens.
     */
    private static void fillSmallGaps(List<String> lines, boolean[] keep, int markerTokens) {
        int n = lines.size();
        int i = 0;
        while (i < n) {
            if (keep[i]) {
                i++;
                continue;
            }
            int j = i;
            long tokens = 0;
            while (j < n && !keep[j] && tokens <= markerTokens) {
                tokens += TokenEstimator.estimate(lines.get(j)) + 1;
                j++;
            }
            while (j < n && !keep[j]) {
                j++;
            }
            if (j - i == 1 || tokens <= markerTokens) {
                keepRange(keep, i, j);
            }
            i = j;
        }
    }

    private static void keepRange(boolean[] keep, int from, int to) {
        for (int k = from; k < to; k++) {
            keep[k] = true;
        }
    }
}
