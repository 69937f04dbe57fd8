package dev.headroom.engine.transform.table;

import java.util.ArrayList;
import java.util.List;

/**
 * The lines of key-value records ({@code apt-cache show}, {@code kubectl describe}, HTTP headers):
 * {@code Key: value} lines whose key starts the line (or, nested, follows an indentation) with a letter
 * and holds letters, digits, spaces and {@code _ . / ( ) -}; every other non-blank line that starts with
 * a space or a tab continues the value above it (apt's {@code  .} paragraphs, describe's aligned labels).
 * Log levels ({@code INFO: ...}) are not keys.
 */
final class KeyValueLines {

    static final int MAX_KEY = 40;
    private static final List<String> LEVELS = List.of("INFO", "WARN", "WARNING", "ERROR", "DEBUG", "TRACE", "FATAL",
            "NOTE", "HINT", "SEVERE", "CRITICAL", "Error", "Warning", "Info", "Caused by");

    /** One field: its key and its value (continuation lines joined with line breaks, as written). */
    record Field(String key, String value) {
    }

    private KeyValueLines() {
    }

    /** Where the key of a key line ends (the colon), or -1 when {@code line} is not a key line at column {@code indent}. */
    static int keyEnd(String line, int indent) {
        if (line.length() <= indent || !Character.isLetter(line.charAt(indent))) {
            return -1;
        }
        for (int i = indent; i < line.length() && i - indent <= MAX_KEY; i++) {
            char c = line.charAt(i);
            if (c == ':') {
                boolean ends = i + 1 == line.length() || line.charAt(i + 1) == ' ';
                return ends && !LEVELS.contains(line.substring(indent, i)) && line.charAt(i - 1) != ' ' ? i : -1;
            }
            if (!Character.isLetterOrDigit(c) && " _./()-".indexOf(c) < 0) {
                return -1;
            }
        }
        return -1;
    }

    /** True when {@code line} continues the value above it. */
    static boolean isContinuation(String line) {
        return !line.isEmpty() && (line.charAt(0) == ' ' || line.charAt(0) == '\t') && !line.isBlank();
    }

    /** The fields of lines {@code from} to {@code to} (one record, no blank line), or null when one is neither kind. */
    static List<Field> record(List<String> lines, int from, int to) {
        List<Field> out = new ArrayList<>();
        for (int i = from; i < to; i++) {
            String l = lines.get(i);
            int colon = keyEnd(l, 0);
            if (colon > 0) {
                out.add(new Field(l.substring(0, colon), l.substring(colon + 1).strip()));
            } else if (isContinuation(l) && !out.isEmpty()) {
                Field last = out.remove(out.size() - 1);
                out.add(new Field(last.key(), last.value() + "\n" + l));
            } else {
                return null;
            }
        }
        return out;
    }

}
