package dev.headroom.engine.transform.json;

import java.util.List;

/**
 * The spelling rules shared by the table encoder and its decoder: JSON string escaping, the JSON number
 * grammar, and when a table cell or header key may go without quotes. Writing and reading with the same
 * rules is what makes the table text decode back to the same tree.
 */
public final class JsonText {

    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private JsonText() {
    }

    /** Plain compact JSON of a tree (no tables); non-ASCII characters are kept as they are. */
    public static String compact(Object value) {
        StringBuilder sb = new StringBuilder();
        writeCompact(sb, value);
        return sb.toString();
    }

    @SuppressWarnings("unchecked")
    static void writeCompact(StringBuilder sb, Object value) {
        if (value instanceof String s) {
            quote(sb, s);
        } else if (value instanceof JsonObject o) {
            sb.append('{');
            for (int i = 0; i < o.size(); i++) {
                if (i > 0) {
                    sb.append(',');
                }
                quote(sb, o.key(i));
                sb.append(':');
                writeCompact(sb, o.value(i));
            }
            sb.append('}');
        } else if (value instanceof List<?> a) {
            sb.append('[');
            for (int i = 0; i < a.size(); i++) {
                if (i > 0) {
                    sb.append(',');
                }
                writeCompact(sb, a.get(i));
            }
            sb.append(']');
        } else {
            sb.append(value); // JsonNumber text, true/false, null
        }
    }

    /** Appends {@code s} as a JSON string literal, escaping only what JSON requires. */
    public static void quote(StringBuilder sb, String s) {
        sb.append('"');
        int n = s.length();
        int run = 0;
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c >= 0x20 && c != '"' && c != '\\' && !Character.isSurrogate(c)) {
                continue;
            }
            if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(s.charAt(i + 1))) {
                i++; // a valid pair (an emoji, say) is written as it is
                continue;
            }
            sb.append(s, run, i);
            run = i + 1;
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                case '\b' -> sb.append("\\b");
                case '\f' -> sb.append("\\f");
                // Control characters, and lone surrogates (which UTF-8 cannot carry), as escapes.
                default -> sb.append("\\u").append(HEX[c >> 12]).append(HEX[(c >> 8) & 0xF])
                        .append(HEX[(c >> 4) & 0xF]).append(HEX[c & 0xF]);
            }
        }
        sb.append(s, run, n).append('"');
    }

    /** True when {@code s} is a complete JSON number ({@code -?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?}). */
    public static boolean isNumber(CharSequence s) {
        int n = s.length();
        int i = 0;
        if (i < n && s.charAt(i) == '-') {
            i++;
        }
        if (i >= n) {
            return false;
        }
        if (s.charAt(i) == '0') {
            i++;
        } else if (isDigit(s.charAt(i))) {
            while (i < n && isDigit(s.charAt(i))) {
                i++;
            }
        } else {
            return false;
        }
        if (i < n && s.charAt(i) == '.') {
            i++;
            int start = i;
            while (i < n && isDigit(s.charAt(i))) {
                i++;
            }
            if (i == start) {
                return false;
            }
        }
        if (i < n && (s.charAt(i) == 'e' || s.charAt(i) == 'E')) {
            i++;
            if (i < n && (s.charAt(i) == '+' || s.charAt(i) == '-')) {
                i++;
            }
            int start = i;
            while (i < n && isDigit(s.charAt(i))) {
                i++;
            }
            if (i == start) {
                return false;
            }
        }
        return i == n;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    /**
     * True when a string cell can be written bare: it is not empty (empty means "key missing"), does not
     * start like a quoted string, object, array or table, is not spelled like a literal or number, holds
     * no cell or row separator ({@code ,} and line breaks) or control character, and has no edge spaces.
     */
    public static boolean bareCell(String s) {
        int n = s.length();
        if (n == 0) {
            return false;
        }
        char first = s.charAt(0);
        if (first == '"' || first == '{' || first == '[' || Character.isWhitespace(first)
                || Character.isWhitespace(s.charAt(n - 1))) {
            return false;
        }
        if ((first == '-' || (first >= '0' && first <= '9')) && isNumber(s)) {
            return false;
        }
        if ((first == 'n' || first == 't' || first == 'f') && (s.equals("null") || s.equals("true") || s.equals("false"))) {
            return false;
        }
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c < 0x20 || c == ',' || c == 0x2028 || c == 0x2029 || c == 0x85) {
                return false;
            }
            if (Character.isSurrogate(c)) {
                if (!Character.isHighSurrogate(c) || i + 1 >= n || !Character.isLowSurrogate(s.charAt(i + 1))) {
                    return false;
                }
                i++;
            }
        }
        return true;
    }

    /** True when a header key can be written bare: like a cell, and also without braces or colons. */
    public static boolean bareKey(String s) {
        if (s.isEmpty() || s.charAt(0) == '"' || Character.isWhitespace(s.charAt(0))
                || Character.isWhitespace(s.charAt(s.length() - 1))) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x20 || c == ',' || c == '{' || c == '}' || c == ':' || c == '=' || c == 0x2028 || c == 0x2029
                    || c == 0x85) {
                return false;
            }
        }
        return true;
    }
}
