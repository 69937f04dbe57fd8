package dev.headroom.engine.transform.log;

import dev.headroom.engine.transform.TransformResult;
import dev.headroom.engine.transform.text.DuplicateLines;
import dev.headroom.engine.transform.text.Lines;

import java.util.List;

/** The decoder of the log compressor's lossless form, for tests: each layer's inverse, in reverse order. */
public final class LosslessLogs {

    private LosslessLogs() {
    }

    /** The normalized text a lossless log result stands for. */
    public static String decode(TransformResult r) {
        Lines lines = Lines.of(r.text());
        List<String> out = lines.lines();
        if (r.transform().contains("log.paths")) {
            out = RepeatedPaths.unfold(out);
        }
        if (r.transform().contains("log.quotes")) {
            out = RepeatedQuotes.unfold(out);
        }
        if (r.transform().contains("log.timestamps")) {
            out = TimestampRuns.unfold(out);
        }
        if (r.transform().contains("log.templates")) {
            out = LineTemplates.unfold(out);
        }
        if (r.transform().contains("log.fold")) {
            out = DuplicateLines.unfold(out);
        }
        if (r.transform().contains("log.transfers")) {
            out = MavenTransfers.unfold(out);
        }
        return Lines.join(out, lines.trailingNewline());
    }
}
