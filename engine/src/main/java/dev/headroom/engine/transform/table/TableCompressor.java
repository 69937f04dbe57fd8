package dev.headroom.engine.transform.table;

import dev.headroom.engine.transform.Compressor;
import dev.headroom.engine.transform.TransformContext;
import dev.headroom.engine.transform.TransformResult;
import dev.headroom.engine.transform.text.Lines;
import dev.headroom.engine.transform.text.TextCompressor;
import dev.headroom.engine.transform.text.TextNormalizer;

import java.util.List;

/**
 * Column tables in command output: {@code kubectl get}, {@code docker ps}, {@code ps aux}, {@code df -h},
 * {@code dpkg -l}, {@code pip list}, {@code psql} and {@code mysql} grids, Markdown tables.
 *
 * <p>Lossless: each table ({@link TableFinder}) is written without its layout by {@link TableText} (no
 * padding or rules, each column's usual value stated once); every other line stays as it is. Balanced,
 * when that is still over the budget: large tables keep the rows {@link TableSelection} picks, each
 * followed by one marker. When no table is found after all, the text compressor's result is returned.
 */
public final class TableCompressor implements Compressor {

    private static final TextCompressor FALLBACK = new TextCompressor();

    @Override
    public String name() {
        return "table";
    }

    @Override
    public TransformResult compress(String text, TransformContext context) {
        Lines raw = Lines.of(text);
        List<String> lines = TextNormalizer.normalizeLines(raw.lines());
        List<TableSpan> spans = TableFinder.find(lines);
        if (spans.isEmpty()) {
            return FALLBACK.compress(text, context);
        }
        String lossless = TableOutput.lossless(lines, raw.trailingNewline(), spans);
        if (context.lossless() || lossless.length() <= context.maxOutputChars()) {
            return smaller(lossless, text);
        }
        TableSelection plan = new TableSelection(spans, lossless.length(), context);
        if (!plan.hasLargeTables()) {
            return smaller(lossless, text);
        }
        String selected = TableOutput.render(lines, raw.trailingNewline(), spans, plan.share(1.0)::encode);
        int markers = plan.markers();
        if (selected.length() > context.maxOutputChars() * 1.1) {
            // the kept rows are longer than the average (anomalies fill more cells): one tighter pass
            String tighter = TableOutput.render(lines, raw.trailingNewline(), spans,
                    plan.share(context.maxOutputChars() / (double) selected.length())::encode);
            if (tighter.length() < selected.length()) {
                selected = tighter;
                markers = plan.markers();
            }
        }
        if (markers == 0 || selected.length() >= lossless.length()) {
            return smaller(lossless, text);
        }
        return TransformResult.lossy(selected, "table.compact+table.select");
    }

    private static TransformResult smaller(String out, String original) {
        return out.length() < original.length() ? TransformResult.lossless(out, "table.compact") : null;
    }
}
