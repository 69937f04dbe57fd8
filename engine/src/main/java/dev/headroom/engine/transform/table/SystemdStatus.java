package dev.headroom.engine.transform.table;

import dev.headroom.engine.transform.TransformContext;
import dev.headroom.engine.transform.TransformResult;
import dev.headroom.engine.transform.log.LogCompressor;
import dev.headroom.engine.transform.text.Lines;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code systemctl status}: per unit, a header block ({@code ● nginx.service - ...}, {@code Loaded:},
 * {@code Active:}, {@code Main PID:}, the {@code CGroup:} tree) and, after a blank line, the unit's last
 * journal lines. The header blocks are kept whole (they are short and say what state the unit is in);
 * the journal lines go to the log compressor with what is left of the budget, so in balanced mode its
 * selection and markers apply to them alone.
 */
final class SystemdStatus {

    private static final String BULLETS = "●○×↻*";
    private static final LogCompressor LOG = new LogCompressor();

    private SystemdStatus() {
    }

    /** A unit's status line ({@code ● name.service - description}) followed, within a few lines, by {@code Loaded:}. */
    static boolean looksLike(List<String> lines) {
        int first = 0;
        while (first < lines.size() && lines.get(first).isBlank()) {
            first++;
        }
        if (first >= lines.size() || !isUnitLine(lines.get(first))) {
            return false;
        }
        for (int i = first + 1; i < Math.min(lines.size(), first + 4); i++) {
            if (lines.get(i).strip().startsWith("Loaded: ")) {
                return true;
            }
        }
        return false;
    }

    private static boolean isUnitLine(String l) {
        return l.length() > 2 && BULLETS.indexOf(l.charAt(0)) >= 0 && l.charAt(1) == ' ' && l.indexOf('.', 2) > 0;
    }

    /** The header blocks as they are, the journal lines compressed as a log; null when nothing changed. */
    static TransformResult compress(List<String> lines, boolean trailingNewline, String original, TransformContext context) {
        int headerChars = 0;
        boolean inHeader = false;
        for (String l : lines) {
            inHeader = isUnitLine(l) || inHeader && !l.isBlank();
            headerChars += inHeader ? l.length() + 1 : 0;
        }
        TransformContext logContext = context.withMaxOutputChars(Math.max(800, context.maxOutputChars() - headerChars));
        List<String> out = new ArrayList<>();
        List<String> journal = new ArrayList<>();
        List<TransformResult> logs = new ArrayList<>();
        inHeader = false;
        for (String l : lines) {
            if (isUnitLine(l)) {
                flush(journal, out, logContext, logs);
                inHeader = true;
            } else if (inHeader && l.isBlank()) {
                inHeader = false;
                out.add(l);
                continue;
            }
            (inHeader ? out : journal).add(l);
        }
        flush(journal, out, logContext, logs);
        String text = Lines.join(out, trailingNewline);
        if (text.length() >= original.length()) {
            return null;
        }
        boolean lossy = logs.stream().anyMatch(TransformResult::lossy);
        String transform = logs.isEmpty() ? "records.systemd" : "records.systemd+" + logs.get(logs.size() - 1).transform();
        return new TransformResult(text, transform, lossy);
    }

    /** Appends the journal lines gathered so far, through the log compressor when it helps. */
    private static void flush(List<String> journal, List<String> out, TransformContext context, List<TransformResult> logs) {
        if (journal.isEmpty()) {
            return;
        }
        TransformResult r = LOG.compress(Lines.join(journal, false), context);
        if (r == null) {
            out.addAll(journal);
        } else {
            out.addAll(Lines.of(r.text()).lines());
            logs.add(r);
        }
        journal.clear();
    }
}
