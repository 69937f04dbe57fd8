package dev.headroom.engine.transform.diff;

import dev.headroom.engine.transform.Compressor;
import dev.headroom.engine.transform.TransformContext;
import dev.headroom.engine.transform.TransformResult;
import dev.headroom.engine.transform.text.Lines;
import dev.headroom.engine.transform.text.QueryMatcher;
import dev.headroom.engine.transform.text.TextNormalizer;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * Unified and combined diffs.
 *
 * <p>Lossless: only ANSI colours are stripped, because trailing whitespace, CRs and blank lines are content
 * in a diff. Balanced, when still over the output budget: file headers, hunk headers and every changed line
 * are kept verbatim, unchanged lines are trimmed to two around each change ({@link HunkTrimmer}); only when
 * the result is still more than {@link #HUGE_FACTOR} times the budget are whole hunks dropped: each file
 * with more than {@link #MAX_HUNKS_PER_FILE} keeps its first and last hunk and the best ones between
 * (query terms, keywords, size). Every omission is a marker with its exact count.
 */
public final class DiffCompressor implements Compressor {

    static final int HUGE_FACTOR = 3;
    static final int MAX_HUNKS_PER_FILE = 4;

    @Override
    public String name() {
        return "diff";
    }

    @Override
    public TransformResult compress(String text, TransformContext context) {
        String lossless = TextNormalizer.stripAnsi(text);
        TransformResult losslessResult = lossless.equals(text) ? null : TransformResult.lossless(lossless, "diff.ansi");
        if (context.lossless() || lossless.length() <= context.maxOutputChars()) {
            return losslessResult;
        }
        Lines lines = Lines.of(lossless);
        List<DiffParser.Block> blocks = DiffParser.parse(lines.lines());
        List<List<String>> rendered = new ArrayList<>(blocks.size());
        long size = 0;
        for (DiffParser.Block b : blocks) {
            List<String> r = b.kind() == DiffParser.Kind.HUNK ? HunkTrimmer.trim(b, context) : b.lines();
            rendered.add(r);
            for (String l : r) {
                size += l.length() + 1;
            }
        }
        String transform = "diff.context";
        List<String> out;
        if (size > (long) HUGE_FACTOR * context.maxOutputChars()) {
            out = dropHunks(blocks, rendered, QueryMatcher.of(context.query()), context);
            transform = "diff.context+diff.hunks";
        } else {
            out = new ArrayList<>();
            rendered.forEach(out::addAll);
        }
        String result = Lines.join(out, lines.trailingNewline());
        if (result.length() >= lossless.length() || !result.contains(context.originalHash())) {
            return losslessResult;
        }
        return TransformResult.lossy(result, transform);
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
            while (i < blocks.size() && blocks.get(i).file() == file) {
                if (blocks.get(i).kind() == DiffParser.Kind.HUNK) {
                    hunks.add(i);
                }
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
            int dropped = 0;
            while (i < blocks.size() && !keep[i]) {
                dropped++;
                i++;
            }
            out.add(context.marker(dropped, "hunks"));
        }
        return out;
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
