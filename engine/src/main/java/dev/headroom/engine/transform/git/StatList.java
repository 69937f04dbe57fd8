package dev.headroom.engine.transform.git;

import dev.headroom.engine.transform.TransformContext;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * A commit's {@code --stat} list ({@code  src/Foo.java | 12 ++++----}) cut to its {@link #KEEP} most changed
 * files and the ones the question names, in their order, behind one marker; the {@code N files changed} line
 * always stays.
 */
final class StatList {

    static final int KEEP = 6;

    private StatList() {
    }

    /** The lines of a commit's rest (after its message) with a long stat list shortened. */
    static List<String> trim(List<String> rest, boolean[] matches, TransformContext context) {
        List<Integer> stats = new ArrayList<>();
        for (int i = 0; i < rest.size(); i++) {
            if (isStatLine(rest.get(i))) {
                stats.add(i);
            }
        }
        if (stats.size() <= KEEP + 2) {
            return rest;
        }
        boolean[] keep = new boolean[rest.size()];
        for (int i = 0; i < rest.size(); i++) {
            keep[i] = !isStatLine(rest.get(i)) || matches[i];
        }
        List<Integer> byChanges = new ArrayList<>(stats);
        byChanges.sort(Comparator.comparingInt((Integer i) -> -changes(rest.get(i))).thenComparingInt(i -> i));
        for (int k = 0; k < KEEP; k++) {
            keep[byChanges.get(k)] = true;
        }
        List<String> out = new ArrayList<>();
        int omitted = 0;
        int at = -1;
        for (int i = 0; i < rest.size(); i++) {
            if (keep[i]) {
                out.add(rest.get(i));
            } else {
                omitted++;
                at = at < 0 ? out.size() : at;
            }
        }
        // one marker, where the list's first left-out file was, says how many of its files went
        out.add(at, " " + context.marker(omitted, stats.size(), "files", "stat lines of the least changed files"));
        return out;
    }

    /** {@code  path | 12 ++--} or {@code  path | Bin 0 -> 1024 bytes}. */
    static boolean isStatLine(String line) {
        int bar = line.indexOf(" | ");
        if (!line.startsWith(" ") || bar < 2) {
            return false;
        }
        int i = bar + 3;
        while (i < line.length() && line.charAt(i) == ' ') {
            i++;
        }
        return i < line.length() && (Character.isDigit(line.charAt(i)) || line.startsWith("Bin", i));
    }

    private static int changes(String line) {
        int i = line.indexOf(" | ") + 3;
        while (i < line.length() && line.charAt(i) == ' ') {
            i++;
        }
        int v = 0;
        while (i < line.length() && Character.isDigit(line.charAt(i)) && v < 1_000_000) {
            v = v * 10 + line.charAt(i++) - '0';
        }
        return v;
    }
}
