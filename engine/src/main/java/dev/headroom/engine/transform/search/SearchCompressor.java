package dev.headroom.engine.transform.search;

import dev.headroom.engine.transform.Compressor;
import dev.headroom.engine.transform.TransformContext;
import dev.headroom.engine.transform.TransformResult;
import dev.headroom.engine.transform.text.Lines;
import dev.headroom.engine.transform.text.QueryMatcher;
import dev.headroom.engine.transform.text.TextNormalizer;

import java.util.List;

/**
 * grep / rg output. Lossless: the shared normalizer, then hits grouped by file ({@link SearchGrouping},
 * which decodes back to the same lines). Balanced, when that is still over the output budget: the best
 * hits per file and the best files ({@link SearchSelector}), tightened step by step until it fits.
 */
public final class SearchCompressor implements Compressor {

    @Override
    public String name() {
        return "search";
    }

    @Override
    public TransformResult compress(String text, TransformContext context) {
        String normalized = TextNormalizer.normalize(text);
        Lines lines = Lines.of(normalized);
        List<String> grouped = SearchGrouping.encode(lines.lines());
        if (grouped != null && Lines.join(grouped, lines.trailingNewline()).length() >= normalized.length()) {
            grouped = null; // very short paths: grouping would not pay
        }
        String lossless = grouped == null ? normalized : Lines.join(grouped, lines.trailingNewline());
        String transform = grouped == null ? "search.normalize" : "search.group";
        if (context.lossless() || lossless.length() <= context.maxOutputChars()) {
            return lossless.equals(text) ? null : TransformResult.lossless(lossless, transform);
        }
        SearchSelector.Parsed parsed = SearchSelector.parse(lines.lines());
        if (parsed.files().isEmpty()) {
            return lossless.equals(text) ? null : TransformResult.lossless(lossless, transform);
        }
        java.util.Map<GrepHit, Double> scores = SearchSelector.scores(parsed, QueryMatcher.of(context));
        String best = null;
        for (int[] limit : limits(parsed, lossless.length(), context.maxOutputChars())) {
            best = SearchSelector.render(parsed, scores, limit[0], limit[1], context);
            if (best.length() <= context.maxOutputChars()) {
                break;
            }
        }
        if (!normalized.endsWith("\n") && best.endsWith("\n")) {
            best = best.substring(0, best.length() - 1);
        }
        if (best.length() >= lossless.length() || !best.contains(context.originalHash())) {
            return lossless.equals(text) ? null : TransformResult.lossless(lossless, transform);
        }
        return TransformResult.lossy(best, "search.select");
    }

    /**
     * The fixed limits, preceded by one sized to the budget: with few files, more hits per file fit (a
     * single-file {@code grep -n} with 2,000 hits should not shrink to five).
     */
    private static java.util.List<int[]> limits(SearchSelector.Parsed parsed, int chars, int budget) {
        int hits = Math.max(1, parsed.hitCount());
        int avgRow = Math.max(8, chars / hits);
        int files = Math.min(parsed.files().size(), SearchSelector.LIMITS[0][1]);
        int perFile = Math.max(SearchSelector.LIMITS[0][0], Math.min(50, budget / avgRow / Math.max(1, files)));
        java.util.List<int[]> out = new java.util.ArrayList<>();
        if (perFile > SearchSelector.LIMITS[0][0]) {
            out.add(new int[] {perFile, SearchSelector.LIMITS[0][1]});
        }
        out.addAll(java.util.List.of(SearchSelector.LIMITS));
        return out;
    }
}
