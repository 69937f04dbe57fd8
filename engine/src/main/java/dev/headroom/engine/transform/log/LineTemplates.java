package dev.headroom.engine.transform.log;

import dev.headroom.engine.tokens.TokenEstimator;

import java.util.ArrayList;
import java.util.List;

/**
 * Lossless folding of consecutive lines of one shape into a template and rows of the words that vary
 * ({@link TemplateBlock} has the grammar and the decoder):
 * <pre>
 * test tests::applies_gold_discount ... ok          [next line x3, {} filled from the rows after it:]
 * test tests::applies_silver_discount ... ok   -&gt;   test tests::{} ... ok
 * test tests::backorders_when_empty ... ok          applies_gold_discount
 *                                                   applies_silver_discount
 *                                                   backorders_when_empty
 * </pre>
 * A record is one line or a repeating group of two or three ({@code Running X} + {@code Tests run: ... in X}).
 * In each column of words: the same word in every row is literal text; a column equal to an earlier one in
 * every row repeats it ({@code {1}}); otherwise it is a value, with the prefix and suffix all rows share moved
 * into the template (not for numbers, which stay whole). Error, warning, stack, summary and assertion lines
 * are never part of a block.
 * A run becomes a block only when it has
 * {@link #MIN_RECORDS} records or more and the block costs at most {@link #MAX_RATIO} of the lines' estimated
 * tokens. Order is kept; runs never span a line of another shape.
 *
 * <p>Why it is unambiguous: {@link #fold} gives back its input when any line already reads as a block header,
 * and a line with a brace is never part of a block, so every {@code {}} and {@code {n}} in a template is a hole.
 * Linear: each record length is tried once per run, and a run that does not pay is not tried again inside itself.
 */
public final class LineTemplates {

    static final int MIN_RECORDS = 4;
    static final int MAX_RECORD_LINES = 3;
    static final int MAX_RECORDS = 2000;
    static final double MAX_RATIO = 0.8;
    static final double LONGER_RECORD_GAIN = 1.1;

    private LineTemplates() {
    }

    /** The lines with every paying run folded into a block; the same list when none is. */
    public static List<String> fold(List<String> lines) {
        int n = lines.size();
        LineShape[] shapes = new LineShape[n];
        for (int i = 0; i < n; i++) {
            if (TemplateBlock.parseHeader(lines.get(i)) != null) {
                return lines;
            }
            shapes[i] = mayBeRow(lines.get(i)) ? LineShape.of(lines.get(i)) : null;
        }
        List<String> out = new ArrayList<>(n);
        int[] lineTokens = new int[n]; // estimated once per line, however many candidate runs it is part of
        java.util.Arrays.fill(lineTokens, -1);
        int[] triedUntil = new int[MAX_RECORD_LINES + 1];
        boolean changed = false;
        int i = 0;
        while (i < n) {
            TemplateRun best = null;
            for (int k = 1; k <= MAX_RECORD_LINES; k++) {
                if (i < triedUntil[k]) {
                    continue;
                }
                int records = records(shapes, i, k);
                if (records < MIN_RECORDS) {
                    continue;
                }
                TemplateRun run = TemplateRun.of(lines, shapes, i, k, records, lineTokens);
                if (run == null || run.tokens() > run.originalTokens() * MAX_RATIO) {
                    triedUntil[k] = i + k * records;
                    continue;
                }
                // a longer record must save clearly more: two lines of one shape are better two rows, unless a
                // column repeats across them (a .pom and a .jar download of one artifact)
                if (best == null || run.saving() > best.saving() * LONGER_RECORD_GAIN) {
                    best = run;
                }
            }
            if (best == null) {
                out.add(lines.get(i++));
                continue;
            }
            out.addAll(best.render());
            changed = true;
            i += best.recordLines() * best.records();
        }
        return changed ? out : lines;
    }

    /**
     * Error, warning, stack, summary and assertion lines stand on their own, never as a row of a template: a
     * reader (and a failing command's output) must find them verbatim.
     */
    private static boolean mayBeRow(String line) {
        return LogLines.level(line) == LogLines.Level.OTHER && !LogLines.isFrame(line) && !LogLines.isTraceStart(line)
                && !LogLines.isSummary(line) && !TestRunLines.isAssertionDetail(line);
    }

    /** The decoder: every block back to its lines. */
    public static List<String> unfold(List<String> lines) {
        return TemplateBlock.decode(lines);
    }

    /** How many records of {@code k} lines from {@code start} have the shapes of the first one. */
    private static int records(LineShape[] shapes, int start, int k) {
        for (int t = 0; t < k; t++) {
            if (start + t >= shapes.length || shapes[start + t] == null || shapes[start + t].words().isEmpty()) {
                return 0;
            }
        }
        int records = 1;
        while (records < MAX_RECORDS) {
            int base = start + records * k;
            if (base + k > shapes.length) {
                break;
            }
            boolean same = true;
            for (int t = 0; t < k && same; t++) {
                LineShape s = shapes[base + t];
                same = s != null && s.separators().equals(shapes[start + t].separators());
            }
            if (!same) {
                break;
            }
            records++;
        }
        return records;
    }

    /** One candidate block: its template lines and rows, and what it and the lines it replaces cost. */
    record TemplateRun(int records, int recordLines, List<String> templates, List<String> rows, long tokens,
                       long originalTokens) {

        static TemplateRun of(List<String> lines, LineShape[] shapes, int start, int k, int records, int[] lineTokens) {
            List<String> templates = new ArrayList<>(k);
            List<List<String>> valueColumns = new ArrayList<>();
            for (int t = 0; t < k; t++) {
                LineShape first = shapes[start + t];
                StringBuilder template = new StringBuilder(first.separators().get(0));
                for (int w = 0; w < first.words().size(); w++) {
                    List<String> column = new ArrayList<>(records);
                    for (int r = 0; r < records; r++) {
                        column.add(shapes[start + r * k + t].words().get(w));
                    }
                    template.append(TemplateColumn.of(column).render(valueColumns));
                    template.append(first.separators().get(w + 1));
                }
                templates.add(template.toString());
            }
            if (valueColumns.isEmpty()) {
                return null; // identical records: DuplicateLines' job
            }
            List<String> rows = new ArrayList<>(records);
            for (int r = 0; r < records; r++) {
                StringBuilder row = new StringBuilder();
                for (List<String> column : valueColumns) {
                    row.append(row.length() > 0 ? " " : "").append(column.get(r));
                }
                rows.add(row.toString());
            }
            long tokens = TokenEstimator.estimate(TemplateBlock.header(records, k)) + 1;
            for (String l : templates) {
                tokens += TokenEstimator.estimate(l) + 1;
            }
            for (String l : rows) {
                tokens += TokenEstimator.estimate(l) + 1;
            }
            long original = 0;
            for (int i = start; i < start + records * k; i++) {
                if (lineTokens[i] < 0) {
                    lineTokens[i] = TokenEstimator.estimate(lines.get(i)) + 1;
                }
                original += lineTokens[i];
            }
            return new TemplateRun(records, k, templates, rows, tokens, original);
        }

        long saving() {
            return originalTokens - tokens;
        }

        List<String> render() {
            List<String> out = new ArrayList<>(1 + templates.size() + rows.size());
            out.add(TemplateBlock.header(records, recordLines));
            out.addAll(templates);
            out.addAll(rows);
            return out;
        }
    }
}
