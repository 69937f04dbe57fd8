package dev.headroom.engine.transform.log;

import java.util.ArrayList;
import java.util.List;

/**
 * Maven's batch-mode transfer lines come in pairs: {@code [INFO] Downloading from central: URL} and right
 * after it {@code [INFO] Downloaded from central: URL (28 kB at 1.1 MB/s)}. The second line states
 * everything the first one does, so the first is dropped (a fifth of a typical failing build's output).
 *
 * <p>Why this is lossless: it is only done when <em>every</em> completed-transfer line in the text is
 * directly preceded by its own started-transfer line, so {@link #unfold} (put the started line back
 * before every completed one) gives back the input exactly. A started line without its completion
 * (a failed download) is kept as it is. Same for {@code Uploading to} / {@code Uploaded to}.
 */
public final class MavenTransfers {

    private static final String[][] PAIRS = {{"Downloading from ", "Downloaded from "}, {"Uploading to ", "Uploaded to "}};
    private static final int MAX_PREFIX = 12;

    private MavenTransfers() {
    }

    /** The lines without the started-transfer lines; the same list when the rule does not apply. */
    public static List<String> fold(List<String> lines) {
        List<String> out = new ArrayList<>(lines.size());
        boolean changed = false;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (completed(line) != null) {
                String started = i > 0 ? started(line) : null;
                if (started == null || !lines.get(i - 1).equals(started)) {
                    return lines; // a completion without its start: folding could not be undone exactly
                }
            }
            if (i + 1 < lines.size() && isStartOf(line, lines.get(i + 1))) {
                changed = true;
                continue;
            }
            out.add(line);
        }
        return changed ? out : lines;
    }

    /** The decoder: puts the started-transfer line back before every completed-transfer line. */
    public static List<String> unfold(List<String> lines) {
        List<String> out = new ArrayList<>(lines.size() * 2);
        for (String line : lines) {
            String started = started(line);
            if (started != null) {
                out.add(started);
            }
            out.add(line);
        }
        return out;
    }

    private static boolean isStartOf(String line, String next) {
        String started = started(next);
        return started != null && started.equals(line);
    }

    /** For a completed-transfer line, its started-transfer line; otherwise null. */
    static String started(String line) {
        String[] pair = completed(line);
        if (pair == null) {
            return null;
        }
        int at = line.indexOf(pair[1]);
        int open = line.lastIndexOf(" (");
        if (open <= at + pair[1].length()) {
            return null;
        }
        return line.substring(0, at) + pair[0] + line.substring(at + pair[1].length(), open);
    }

    /** The pair whose completed form this line has, or null. */
    private static String[] completed(String line) {
        for (String[] pair : PAIRS) {
            int at = line.indexOf(pair[1]);
            if (at >= 0 && at <= MAX_PREFIX && line.endsWith(")")) {
                return pair;
            }
        }
        return null;
    }
}
