package dev.headroom.engine.transform.diff;

import dev.headroom.engine.transform.TransformContext;
import dev.headroom.engine.transform.text.QueryMatcher;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * The lossy part of diff compression, shared by the diff and git-log compressors. Lines that are not part of a
 * diff (commit headers, messages, stat lines) pass through as they are. File headers, hunk headers and every
 * changed line are kept verbatim; unchanged lines are trimmed to a given number around each change
 * ({@link HunkTrimmer}). Only for a huge diff ({@link #isHuge}) are changed lines left out: a file with more
 * than {@link #MAX_HUNKS_PER_FILE} hunks keeps its first and last hunk and the best ones between (question
 * terms, keywords, size), and a hunk that only adds lines (a new file) keeps its first {@link #NEW_FILE_HEAD}
 * unless the question is about it.
 * Every omission is a marker with its exact count.
 */
public final class DiffSelection {

    /**
     * A diff is huge when, with no context left, it is still this many times over the budget: its changed lines
     * alone are most of it (new files, generated code), and only leaving some of them out can come near the budget.
     */
    public static final int HUGE_FACTOR = 2;
    static final int MAX_HUNKS_PER_FILE = 4;
    static final int NEW_FILE_HEAD = 12;
    /** Context lines per level: the first that fits the budget wins. */
    public static final int[] CONTEXT_LEVELS = {2, 1, 0};

    private DiffSelection() {
    }

    /**
     * The lines with hunks trimmed to {@code contextLines}; with {@code dropHunks}, whole hunks left out by
     * relevance as well (never in a failing command's output, whose changed lines may be what failed).
     */
    public static List<String> render(List<String> lines, int contextLines, boolean dropHunks, TransformContext context) {
        List<DiffParser.Block> blocks = DiffParser.parse(lines);
        QueryMatcher query = QueryMatcher.of(context);
        boolean[] asked = dropHunks ? askedAbout(blocks, query) : new boolean[blocks.size()];
        List<List<String>> rendered = new ArrayList<>(blocks.size());
        for (int i = 0; i < blocks.size(); i++) {
            DiffParser.Block b = blocks.get(i);
            if (b.kind() != DiffParser.Kind.HUNK) {
                rendered.add(b.lines());
            } else if (dropHunks && HunkTrimmer.onlyAdds(b) && !asked[i]) {
                rendered.add(HunkTrimmer.head(b, NEW_FILE_HEAD, context));
            } else {
                rendered.add(HunkTrimmer.trim(b, contextLines, context));
            }
        }
        if (!dropHunks) {
            List<String> out = new ArrayList<>(lines.size());
            rendered.forEach(out::addAll);
            return out;
        }
        return dropHunks(blocks, rendered, query, context);
    }

    /** The hunks that only add lines and match the question well (a third of the best match or more): kept whole. */
    private static boolean[] askedAbout(List<DiffParser.Block> blocks, QueryMatcher query) {
        boolean[] out = new boolean[blocks.size()];
        if (query.isEmpty()) {
            return out;
        }
        List<Integer> adds = new ArrayList<>();
        for (int i = 0; i < blocks.size(); i++) {
            if (blocks.get(i).kind() == DiffParser.Kind.HUNK && HunkTrimmer.onlyAdds(blocks.get(i))) {
                adds.add(i);
            }
        }
        double[] scores = relevance(blocks, adds, query);
        double best = 0;
        for (double v : scores) {
            best = Math.max(best, v);
        }
        for (int k = 0; k < adds.size(); k++) {
            out[adds.get(k)] = scores[k] > 0 && scores[k] >= best / 3;
        }
        return out;
    }

    /** True when {@code chars} (a rendering without context) is more than {@link #HUGE_FACTOR} times the budget. */
    public static boolean isHuge(long chars, TransformContext context) {
        return !context.errorOutput() && chars > (long) HUGE_FACTOR * context.maxOutputChars();
    }

    /** Total characters of lines joined by newlines. */
    public static long size(List<String> lines) {
        long size = 0;
        for (String l : lines) {
            size += l.length() + 1;
        }
        return size;
    }

    /** A rendering and whether it left out changed lines (whole hunks, or the tail of a new file). */
    public record Selection(List<String> lines, boolean hunksDropped) {
    }

    /**
     * The first rendering of a plain diff that fits the budget: context 2, 1, then 0; hunks left out only when
     * huge. The last rendering tried when none fits.
     */
    public static Selection select(List<String> lines, TransformContext context) {
        List<String> out = lines;
        for (int c : CONTEXT_LEVELS) {
            out = render(lines, c, false, context);
            if (size(out) <= context.maxOutputChars()) {
                return new Selection(out, false);
            }
        }
        return isHuge(size(out), context) ? new Selection(render(lines, 0, true, context), true) : new Selection(out, false);
    }

    private static List<String> dropHunks(List<DiffParser.Block> blocks, List<List<String>> rendered, QueryMatcher query,
                                          TransformContext context) {
        boolean[] keep = new boolean[blocks.size()];
        for (int i = 0; i < blocks.size(); i++) {
            keep[i] = blocks.get(i).kind() != DiffParser.Kind.HUNK;
        }
        int i = 0;
        while (i < blocks.size()) {
            if (blocks.get(i).kind() != DiffParser.Kind.HUNK) {
                i++;
                continue;
            }
            int file = blocks.get(i).file();
            List<Integer> hunks = new ArrayList<>();
            while (i < blocks.size() && blocks.get(i).file() == file && blocks.get(i).kind() == DiffParser.Kind.HUNK) {
                hunks.add(i);
                i++;
            }
            keepBestHunks(blocks, hunks, relevance(blocks, hunks, query), keep);
        }
        List<String> out = new ArrayList<>();
        i = 0;
        while (i < blocks.size()) {
            if (keep[i]) {
                out.addAll(rendered.get(i++));
                continue;
            }
            int from = i;
            while (i < blocks.size() && !keep[i]) {
                i++;
            }
            out.add(context.marker(i - from, 0, "hunks", rangesOf(blocks.subList(from, i))));
        }
        return out;
    }

    /** {@code file lines 120-128, 200-210 and 2 more hunks}: where the left-out hunks were in the new file. */
    private static String rangesOf(List<DiffParser.Block> hunks) {
        StringBuilder sb = new StringBuilder("file lines ");
        int shown = 0;
        for (DiffParser.Block h : hunks) {
            int[] range = HunkTrimmer.newRange(h.lines().get(0));
            if (range == null || shown == 3) {
                continue;
            }
            sb.append(shown++ > 0 ? ", " : "").append(range[0]).append('-').append(range[0] + Math.max(range[1], 1) - 1);
        }
        if (shown == 0) {
            return null;
        }
        return hunks.size() > shown ? sb.append(" and ").append(hunks.size() - shown).append(" more").toString() : sb.toString();
    }

    /** Each hunk's relevance to the question, over its header and changed lines. */
    private static double[] relevance(List<DiffParser.Block> blocks, List<Integer> hunks, QueryMatcher query) {
        List<String> docs = new ArrayList<>(hunks.size());
        for (int h : hunks) {
            DiffParser.Block b = blocks.get(h);
            StringBuilder sb = new StringBuilder(b.lines().get(0));
            for (String l : b.lines()) {
                if (DiffParser.isChange(l, b.columns())) {
                    sb.append('\n').append(l);
                }
            }
            docs.add(sb.toString());
        }
        return query.scores(docs);
    }

    private static void keepBestHunks(List<DiffParser.Block> blocks, List<Integer> hunks, double[] relevance, boolean[] keep) {
        if (hunks.size() <= MAX_HUNKS_PER_FILE) {
            hunks.forEach(h -> keep[h] = true);
            return;
        }
        keep[hunks.get(0)] = true;
        keep[hunks.get(hunks.size() - 1)] = true;
        List<Integer> middle = new ArrayList<>();
        for (int k = 1; k < hunks.size() - 1; k++) {
            middle.add(k);
        }
        middle.sort(Comparator.comparingDouble((Integer k) -> -(relevance[k] + score(blocks.get(hunks.get(k)))))
                .thenComparingInt(k -> k));
        for (int k = 0; k < MAX_HUNKS_PER_FILE - 2; k++) {
            keep[hunks.get(middle.get(k))] = true;
        }
    }

    /** Size and keywords: bigger hunks and ones touching errors, security or TODOs first. */
    private static double score(DiffParser.Block hunk) {
        double s = Math.min(0.3, 0.03 * HunkTrimmer.changes(hunk));
        for (String l : hunk.lines()) {
            if (DiffParser.isChange(l, hunk.columns()) || l == hunk.lines().get(0)) {
                String lower = l.toLowerCase(Locale.ROOT);
                if (lower.contains("error") || lower.contains("fixme") || lower.contains("todo") || lower.contains("security")
                        || lower.contains("password") || lower.contains("deprecated")) {
                    s += 0.1;
                }
            }
        }
        return s;
    }
}
