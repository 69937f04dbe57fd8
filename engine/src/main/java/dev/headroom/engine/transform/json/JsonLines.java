package dev.headroom.engine.transform.json;

import dev.headroom.engine.transform.TransformContext;
import dev.headroom.engine.transform.TransformResult;

import java.util.ArrayList;
import java.util.List;

/**
 * JSON Lines: one JSON object per line, as structured loggers (logstash, zap, pino, bunyan) and {@code kubectl logs}
 * of such services print it, and {@code jq -c}. Each line is one element of a list that the JSON compressor encodes
 * as it encodes an array: a table of the lines' fields (and in balanced mode a selection of rows, errors and rare
 * values kept, behind markers). Every non-blank line must be one complete JSON object or array, else this is not
 * JSON Lines and the caller routes the text elsewhere.
 */
final class JsonLines {

    /** Fewer lines are left to the text compressors. */
    static final int MIN_LINES = 3;

    private JsonLines() {
    }

    /** The compressed lines, or null when the text is not JSON Lines or nothing pays. */
    static TransformResult compress(String text, TransformContext context) {
        List<Object> rows = new ArrayList<>();
        int start = 0;
        while (start < text.length()) {
            int nl = text.indexOf('\n', start);
            int end = nl < 0 ? text.length() : nl;
            String line = text.substring(start, end).strip();
            if (!line.isEmpty()) {
                if (line.charAt(0) != '{' && line.charAt(0) != '[') {
                    return null;
                }
                Object row = JsonTreeParser.parseContainer(line);
                if (row == null) {
                    return null;
                }
                rows.add(row);
            }
            start = end + 1;
        }
        if (rows.size() < MIN_LINES) {
            return null;
        }
        TransformResult r = JsonCompressor.encode(rows, text.length(), context);
        String out = text.endsWith("\n") && !r.text().endsWith("\n") ? r.text() + "\n" : r.text();
        if (!r.lossy() && out.length() >= text.length()) {
            return null;
        }
        return new TransformResult(out, "json.lines+" + r.transform(), r.lossy());
    }
}
