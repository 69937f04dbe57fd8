package dev.headroom.engine.transform.table;

import dev.headroom.engine.transform.Compressor;
import dev.headroom.engine.transform.TransformContext;
import dev.headroom.engine.transform.TransformResult;
import dev.headroom.engine.transform.text.Lines;
import dev.headroom.engine.transform.text.TextCompressor;
import dev.headroom.engine.transform.text.TextNormalizer;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Tables in command output. {@link #TableCompressor() The default} finds column listings and grids
 * ({@code kubectl get}, {@code docker ps}, {@code ps aux}, {@code df -h}, {@code dpkg -l}, {@code pip list},
 * {@code psql} and {@code mysql} grids, Markdown tables, {@link TableFinder}); {@link #csv()} reads CSV and
 * TSV ({@link CsvLayout}). Maven dependency trees go to {@link DependencyTreeCompressor}.
 *
 * <p>Lossless: each table is written without its layout by {@link TableText} (no padding, rules or quoting
 * beyond need; each column's usual value stated once); every other line stays as it is. Balanced, when
 * that is still over the budget: large tables keep the rows {@link TableSelection} picks, each followed by
 * one marker. When no table is found after all, the text compressor's result is returned.
 */
public final class TableCompressor implements Compressor {

    private static final TextCompressor FALLBACK = new TextCompressor();

    private final String name;
    private final Function<List<String>, List<TableSpan>> finder;
    private final boolean normalize;

    /** Column listings and grids. */
    public TableCompressor() {
        this("table", TableFinder::find, true);
    }

    private TableCompressor(String name, Function<List<String>, List<TableSpan>> finder, boolean normalize) {
        this.name = name;
        this.finder = finder;
        this.normalize = normalize;
    }

    /** CSV and TSV. Trailing spaces are data there, so lines only lose the CR of a CRLF. */
    public static TableCompressor csv() {
        return new TableCompressor("csv", lines -> {
            TableSpan span = CsvLayout.find(lines);
            return span == null ? List.of() : List.of(span);
        }, false);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public TransformResult compress(String text, TransformContext context) {
        Lines raw = Lines.of(text);
        List<String> lines = normalize ? TextNormalizer.normalizeLines(raw.lines()) : withoutCr(raw.lines());
        if (normalize && DependencyTree.treeLines(lines) >= DependencyTree.MIN_NODES) {
            TransformResult tree = DependencyTreeCompressor.compress(lines, raw.trailingNewline(), text, context);
            if (tree != null) {
                return tree;
            }
        }
        List<TableSpan> spans = finder.apply(lines);
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
        return TransformResult.lossy(selected, name + ".compact+" + name + ".select");
    }

    private TransformResult smaller(String out, String original) {
        return out.length() < original.length() ? TransformResult.lossless(out, name + ".compact") : null;
    }

    private static List<String> withoutCr(List<String> lines) {
        List<String> out = new ArrayList<>(lines.size());
        for (String l : lines) {
            out.add(l.endsWith("\r") ? l.substring(0, l.length() - 1) : l);
        }
        return out;
    }
}
