package dev.headroom.engine.transform.log;

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
 * <p>Lossless: the shared normalizer, Maven's paired transfer lines folded ({@link MavenTransfers}), then
 * runs of identical lines folded with a count ({@link DuplicateLines}). Balanced, when that is still over the output budget: {@link LogSelector} picks
 * the lines that matter and every gap becomes one marker whose count is exactly the number of original
 * lines left out there. If the selection is still over budget it is redone with tighter limits.
 */
public final class LogCompressor implements Compressor {

    @Override
    public String name() {
        return "log";
    }

    @Override
    public TransformResult compress(String text, TransformContext context) {
        String normalized = TextNormalizer.normalize(text);
        Lines normalizedLines = Lines.of(normalized);
        List<String> transfers = MavenTransfers.fold(normalizedLines.lines());
        List<String> dedup = DuplicateLines.fold(transfers);
        String folded = Lines.join(dedup, normalizedLines.trailingNewline());
        TransformResult lossless = folded.equals(text) ? null
                : TransformResult.lossless(folded, losslessName(transfers != normalizedLines.lines(), dedup != transfers));
        if (context.lossless() || folded.length() <= context.maxOutputChars()) {
            return lossless;
        }
        Lines raw = Lines.of(text);
        List<String> lines = TextNormalizer.normalizeLines(raw.lines());
        QueryMatcher query = QueryMatcher.of(context);
        int markerCost = context.marker(lines.size(), "lines").length();
        LogSelector.Classified facts = LogSelector.Classified.of(lines);
        String selected = render(lines, raw.trailingNewline(),
                LogSelector.select(lines, facts, query, LogSelector.Limits.NORMAL, markerCost), context);
        if (selected.length() > context.maxOutputChars()) {
            String tight = render(lines, raw.trailingNewline(),
                    LogSelector.select(lines, facts, query, LogSelector.Limits.TIGHT, markerCost), context);
            selected = tight.length() < selected.length() ? tight : selected;
        }
        if (!selected.contains(context.originalHash()) || selected.length() >= folded.length()) {
            return lossless;
        }
        return TransformResult.lossy(selected, "log.select");
    }

    private static String losslessName(boolean transfers, boolean fold) {
        String name = "log.normalize";
        if (transfers) {
            name += "+log.transfers";
        }
        return fold ? name + "+log.fold" : name;
    }

    /** Kept lines as they are (identical runs folded), each gap as one marker with its exact line count. */
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
            out.add(context.marker(j - i, "lines"));
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
