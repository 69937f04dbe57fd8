package dev.headroom.engine.transform.table;

import dev.headroom.engine.transform.Compressor;
import dev.headroom.engine.transform.TransformContext;
import dev.headroom.engine.transform.TransformResult;
import dev.headroom.engine.transform.text.Lines;
import dev.headroom.engine.transform.text.TextCompressor;
import dev.headroom.engine.transform.text.TextNormalizer;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Key-value records: {@code apt-cache show}, {@code kubectl describe}, {@code systemctl status}.
 *
 * <p>Lossless: records that share their keys become one table ({@link RecordTable}, keys once as
 * columns); a record that stands alone loses the alignment padding after its keys, and a table nested
 * in it ({@code kubectl describe}'s Events) is written as tables are ({@link TableText}). Balanced, when
 * that is still over the budget: checksums and the continuation lines of long values go first
 * ({@link BulkyFields}), then whole records by the shared row selection, each step behind a marker.
 * {@code systemctl status} keeps its header blocks and hands its journal lines to the log compressor
 * ({@link SystemdStatus}).
 */
public final class RecordsCompressor implements Compressor {

    /** Records are large: select among as few as this. */
    static final int MIN_RECORDS_TO_SELECT = 3;
    private static final TextCompressor FALLBACK = new TextCompressor();

    @Override
    public String name() {
        return "records";
    }

    @Override
    public TransformResult compress(String text, TransformContext context) {
        Lines raw = Lines.of(text);
        List<String> lines = TextNormalizer.normalizeLines(raw.lines());
        if (SystemdStatus.looksLike(lines)) {
            TransformResult r = SystemdStatus.compress(lines, raw.trailingNewline(), text, context);
            return r != null ? r : FALLBACK.compress(text, context);
        }
        List<TableSpan> spans = spans(lines);
        // Key-value lines keep their alignment padding: dropping it saves under 4 % of their tokens and changes the
        // surface of facts an agent quotes (Restart Count:  14); only the tables among them are re-encoded.
        String lossless = TableOutput.render(lines, raw.trailingNewline(), spans, TableOutput::encodeWhole);
        if (context.lossless() || lossless.length() <= context.maxOutputChars()) {
            return lossless.length() < text.length() ? TransformResult.lossless(lossless, "records.compact")
                    : FALLBACK.compress(text, context);
        }
        Map<TableSpan, String> trimMarkers = new IdentityHashMap<>();
        List<TableSpan> trimmed = new ArrayList<>(spans.size());
        for (TableSpan span : spans) {
            BulkyFields.Trimmed t = span.layout().equals("records") ? BulkyFields.trim(span.table()) : null;
            if (t == null) {
                trimmed.add(span);
                continue;
            }
            TableSpan shorter = new TableSpan(span.from(), span.to(), t.table(), span.layout());
            trimmed.add(shorter);
            trimMarkers.put(shorter, context.marker(t.fields(), 0, "field values",
                    "checksums left out, long values cut to their first line: " + String.join(", ", t.columns())));
        }
        String out = render(lines, raw.trailingNewline(), trimmed, trimMarkers, null);
        if (out.length() > context.maxOutputChars()) {
            TableSelection plan = new TableSelection(trimmed, out.length(), context, MIN_RECORDS_TO_SELECT);
            if (plan.hasLargeTables()) {
                String selected = render(lines, raw.trailingNewline(), trimmed, trimMarkers, plan.share(1.0));
                out = plan.markers() > 0 && selected.length() < out.length() ? selected : out;
            }
        }
        if (!out.contains(context.originalHash()) || out.length() >= lossless.length()) {
            return lossless.length() < text.length() ? TransformResult.lossless(lossless, "records.compact") : null;
        }
        return TransformResult.lossy(out, "records.compact+records.select");
    }

    /** The records table, if any, and the tables nested outside it, in order. */
    static List<TableSpan> spans(List<String> lines) {
        TableSpan records = RecordTable.find(lines);
        List<TableSpan> out = new ArrayList<>();
        for (TableSpan s : TableFinder.find(lines)) {
            if (records == null || s.to() <= records.from() || s.from() >= records.to()) {
                out.add(s);
            }
        }
        if (records != null) {
            int at = 0;
            while (at < out.size() && out.get(at).from() < records.from()) {
                at++;
            }
            out.add(at, records);
        }
        return out;
    }

    private static String render(List<String> lines, boolean trailingNewline, List<TableSpan> spans,
                                 Map<TableSpan, String> trimMarkers, TableSelection plan) {
        return TableOutput.render(lines, trailingNewline, spans, span -> {
            String table = plan != null ? plan.encode(span) : TableOutput.encodeWhole(span);
            String marker = trimMarkers.get(span);
            return marker == null ? table : table + "\n" + marker;
        });
    }
}
