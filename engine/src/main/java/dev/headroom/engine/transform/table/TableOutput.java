package dev.headroom.engine.transform.table;

import dev.headroom.engine.transform.text.Lines;
import dev.headroom.engine.transform.text.TextNormalizer;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/**
 * Puts an output back together: the lines outside the tables as they were (normalized: no trailing
 * whitespace, no ANSI colours, runs of blank lines collapsed), each table as its encoder writes it.
 */
final class TableOutput {

    private TableOutput() {
    }

    /** The lossless form: every table written whole by {@link TableText} with its defaults. */
    static String lossless(List<String> lines, boolean trailingNewline, List<TableSpan> spans) {
        return render(lines, trailingNewline, spans, TableOutput::encodeWhole);
    }

    static String encodeWhole(TableSpan span) {
        return TableText.encode(span.table(), ColumnDefaults.choose(span.table()));
    }

    static String render(List<String> lines, boolean trailingNewline, List<TableSpan> spans,
                         Function<TableSpan, String> encoder) {
        return render(lines, trailingNewline, spans, encoder, UnaryOperator.identity());
    }

    /** Like {@link #render(List, boolean, List, Function)}, each line outside the tables passed through {@code other}. */
    static String render(List<String> lines, boolean trailingNewline, List<TableSpan> spans,
                         Function<TableSpan, String> encoder, UnaryOperator<String> other) {
        List<String> out = new ArrayList<>(lines.size());
        int i = 0;
        for (TableSpan span : spans) {
            addOthers(out, lines.subList(i, span.from()), other);
            out.add(encoder.apply(span));
            i = span.to();
        }
        addOthers(out, lines.subList(i, lines.size()), other);
        return Lines.join(out, trailingNewline);
    }

    private static void addOthers(List<String> out, List<String> lines, UnaryOperator<String> other) {
        for (String l : TextNormalizer.collapseBlankRuns(lines)) {
            out.add(other.apply(l));
        }
    }
}
