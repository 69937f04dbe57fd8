package dev.headroom.engine.transform.log;

import dev.headroom.engine.tokens.TokenEstimator;
import dev.headroom.engine.transform.Compressor;
import dev.headroom.engine.transform.TransformContext;
import dev.headroom.engine.transform.TransformResult;
import dev.headroom.engine.transform.text.DuplicateLines;
import dev.headroom.engine.transform.text.Lines;
import dev.headroom.engine.transform.text.QueryMatcher;
import dev.headroom.engine.transform.text.TextNormalizer;

import java.util.ArrayList;
import java.util.List;

/**
 * Build, test and application logs.
 *
 * <p>Lossless: the shared normalizer, Maven's paired transfer lines folded ({@link MavenTransfers}), runs of
 * identical lines folded with a count ({@link DuplicateLines}), then runs of lines of one shape folded into a
 * template and rows of what varies ({@link LineTemplates}), then timestamps that repeat their minute shortened
 * ({@link TimestampRuns}), quoted strings and path prefixes that repeat defined once ({@link RepeatedQuotes},
 * {@link RepeatedPaths}); the decoder applies the inverses in reverse order. Balanced, when that is still over the
 * output budget: {@link LogSelector} picks the lines that matter and every gap becomes one marker whose count
 * is exactly the number of original lines left out there and whose detail says what they were
 * ({@link GapDetail}). The selection is redone with tighter limits while it is over budget.
 *
 * <p>The output of a failing command ({@link TransformContext#errorOutput()}) is selected too, but around its
 * errors: every error, warning, summary, assertion-detail and stack line stays verbatim
 * ({@link LineFacts#isProtected}); only the rest (progress, downloads, passing tests, info lines) may be left out.
 */
public final class LogCompressor implements Compressor {

    private static final LogSelector.Limits[] LEVELS = {LogSelector.Limits.NORMAL, LogSelector.Limits.TIGHT,
        LogSelector.Limits.MINIMAL};

    /** Template folding is tried in balanced mode only when the log is at most this many times its budget. */
    static final int TEMPLATE_REACH = 5;

    /** A selection is worth its markers only under this share of the lossless form's estimated tokens. */
    static final double MIN_TOKEN_RATIO = 0.85;

    @Override
    public String name() {
        return "log";
    }

    @Override
    public boolean selectsAroundErrors() {
        return true;
    }

    @Override
    public TransformResult compress(String text, TransformContext context) {
        String normalized = TextNormalizer.normalize(text);
        Lines normalizedLines = Lines.of(normalized);
        List<String> transfers = MavenTransfers.fold(normalizedLines.lines());
        List<String> dedup = DuplicateLines.fold(transfers);
        // Template folding is the costly layer (a few ms per 50 KB) and shrinks a log at most a few times: when even
        // that could not bring it under the budget, the selection below is what gets sent, so it is skipped.
        boolean foldTemplates = context.lossless() || length(dedup) <= TEMPLATE_REACH * (long) context.maxOutputChars();
        List<String> templated = foldTemplates ? LineTemplates.fold(dedup) : dedup;
        List<String> stamped = TimestampRuns.fold(templated);
        List<String> aliased = RepeatedQuotes.fold(stamped);
        List<String> pathed = RepeatedPaths.fold(aliased);
        String folded = Lines.join(pathed, normalizedLines.trailingNewline());
        TransformResult lossless = folded.equals(text) ? null : TransformResult.lossless(folded,
                losslessName(transfers != normalizedLines.lines(), dedup != transfers, templated != dedup)
                        + (stamped != templated ? "+log.timestamps" : "") + (aliased != stamped ? "+log.quotes" : "")
                        + (pathed != aliased ? "+log.paths" : ""));
        if (context.lossless() || folded.length() <= context.maxOutputChars()) {
            return lossless;
        }
        Lines raw = Lines.of(text);
        List<String> lines = TextNormalizer.normalizeLines(raw.lines());
        QueryMatcher query = QueryMatcher.of(context);
        int markerTokens = TokenEstimator.estimate(context.marker(lines.size(), lines.size(), "lines", "lines 100-200: 90 passing tests"));
        LineFacts facts = LineFacts.of(lines);
        String selected = null;
        for (LogSelector.Limits limits : LEVELS) {
            boolean[] keep = LogSelector.select(lines, facts, query, limits, markerTokens, context.errorOutput());
            String out = render(lines, raw.trailingNewline(), keep, context);
            if (selected == null || out.length() < selected.length()) {
                selected = out;
            }
            if (selected.length() <= context.maxOutputChars()) {
                break;
            }
        }
        // markers cost tokens (the hash alone is a dozen) and the estimate is rough: a selection must save clearly
        if (!selected.contains(context.originalHash()) || selected.length() >= folded.length()
                || TokenEstimator.estimate(selected) > TokenEstimator.estimate(folded) * MIN_TOKEN_RATIO) {
            return lossless;
        }
        return TransformResult.lossy(selected, context.errorOutput() ? "log.select-around-errors" : "log.select");
    }

    private static long length(List<String> lines) {
        long n = lines.size();
        for (String l : lines) {
            n += l.length();
        }
        return n;
    }

    private static String losslessName(boolean transfers, boolean fold, boolean templates) {
        String name = "log.normalize";
        if (transfers) {
            name += "+log.transfers";
        }
        if (fold) {
            name += "+log.fold";
        }
        return templates ? name + "+log.templates" : name;
    }

    /**
     * Kept lines as they are (identical runs folded), each gap as one marker with its exact line count, the
     * unit's line count and what the gap held.
     */
    static String render(List<String> lines, boolean trailingNewline, boolean[] keep, TransformContext context) {
        List<String> out = new ArrayList<>();
        List<String> run = new ArrayList<>();
        boolean foldable = DuplicateLines.canFold(lines);
        int i = 0;
        while (i < lines.size()) {
            if (keep[i]) {
                run.add(lines.get(i++));
                continue;
            }
            flush(run, out, foldable);
            int j = i;
            while (j < lines.size() && !keep[j]) {
                j++;
            }
            out.add(context.marker(j - i, lines.size(), "lines", GapDetail.of(lines, i, j)));
            i = j;
        }
        flush(run, out, foldable);
        return Lines.join(out, trailingNewline);
    }

    private static void flush(List<String> run, List<String> out, boolean foldable) {
        List<String> collapsed = TextNormalizer.collapseBlankRuns(run);
        out.addAll(foldable ? DuplicateLines.fold(collapsed) : collapsed);
        run.clear();
    }
}
