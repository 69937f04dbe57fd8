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
        java.util.Map<GrepHit, Double> scores = SearchSelector.scores(parsed, QueryMatcher.of(context.query()));
        String best = null;
        for (int[] limit : SearchSelector.LIMITS) {
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
}
