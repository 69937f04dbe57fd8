package dev.headroom.engine.transform.json;

/**
 * Character-level reading for {@link JsonTableDecoder}: JSON strings with their escapes, bare cells,
 * number and literal spellings, and errors that say where the text went wrong.
 */
abstract class TextCursor {

    final String s;
    int pos;

    TextCursor(String s) {
        this.s = s;
    }

    /** A number or literal in JSON context: its characters never include a delimiter. */
    final String rawScalar() {
        int start = pos;
        while (pos < s.length()) {
            char c = s.charAt(pos);
            if (!(Character.isLetterOrDigit(c) || c == '-' || c == '+' || c == '.')) {
                break;
            }
            pos++;
        }
        return s.substring(start, pos);
    }

    /** A bare cell: everything up to the next cell separator, line break or the end. */
    final String rawCell() {
        int start = pos;
        while (pos < s.length()) {
            char c = s.charAt(pos);
            if (c == ',' || c == '\n') {
                break;
            }
            pos++;
        }
        return s.substring(start, pos);
    }

    final String rawUntil(char a, char b) {
        int start = pos;
        while (pos < s.length() && s.charAt(pos) != a && s.charAt(pos) != b) {
            pos++;
        }
        return s.substring(start, pos);
    }

    final String string() {
        expect('"');
        StringBuilder sb = null;
        int run = pos;
        while (true) {
            if (pos >= s.length()) {
                throw error("unterminated string");
            }
            char c = s.charAt(pos);
            if (c == '"') {
                String out = sb == null ? s.substring(run, pos) : sb.append(s, run, pos).toString();
                pos++;
                return out;
            }
            if (c != '\\') {
                pos++;
                continue;
            }
            if (sb == null) {
                sb = new StringBuilder();
            }
            sb.append(s, run, pos);
            if (pos + 1 >= s.length() || (s.charAt(pos + 1) == 'u' && pos + 6 > s.length())) {
                throw error("unterminated escape");
            }
            char e = s.charAt(pos + 1);
            pos += 2;
            switch (e) {
                case 'n' -> sb.append('\n');
                case 'r' -> sb.append('\r');
                case 't' -> sb.append('\t');
                case 'b' -> sb.append('\b');
                case 'f' -> sb.append('\f');
                case 'u' -> {
                    sb.append((char) Integer.parseInt(s.substring(pos, pos + 4), 16));
                    pos += 4;
                }
                default -> sb.append(e); // " \ /
            }
            run = pos;
        }
    }

    final char peek() {
        if (pos >= s.length()) {
            throw error("unexpected end");
        }
        return s.charAt(pos);
    }

    final char next() {
        char c = peek();
        pos++;
        return c;
    }

    final void expect(char c) {
        if (next() != c) {
            pos--;
            throw error("expected '" + (c == '\n' ? "\\n" : String.valueOf(c)) + "'");
        }
    }

    final IllegalArgumentException error(String what) {
        return new IllegalArgumentException(what + " at offset " + pos);
    }
}
