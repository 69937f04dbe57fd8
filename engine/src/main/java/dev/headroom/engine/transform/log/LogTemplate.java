package dev.headroom.engine.transform.log;

/**
 * The shape of a log line with its variable parts blanked: digit runs become {@code N}, hex words of 8+
 * characters become {@code H}, path-like tokens become {@code P}, quoted strings become {@code Q}. Two
 * warnings with the same template say the same thing about different objects, so one of them is kept.
 * A leading timestamp disappears into {@code N}s.
 */
public final class LogTemplate {

    private LogTemplate() {
    }

    public static String of(String line) {
        StringBuilder sb = new StringBuilder(Math.min(line.length(), 256));
        int n = line.length();
        int i = 0;
        while (i < n) {
            char c = line.charAt(i);
            if (c == '"' || c == '\'') {
                int close = line.indexOf(c, i + 1);
                if (close > 0) {
                    sb.append('Q');
                    i = close + 1;
                    continue;
                }
                // an apostrophe or a quote that is never closed ("customer's"): an ordinary character
                sb.append(c);
                i++;
                continue;
            }
            if (Character.isWhitespace(c)) {
                sb.append(' ');
                i++;
                continue;
            }
            int j = i;
            while (j < n && !Character.isWhitespace(line.charAt(j)) && line.charAt(j) != '"' && line.charAt(j) != '\'') {
                j++;
            }
            appendToken(sb, line, i, j);
            i = j;
        }
        return sb.toString();
    }

    private static void appendToken(StringBuilder sb, String line, int from, int to) {
        int slashes = 0;
        boolean hex = to - from >= 8;
        boolean hexDigit = false;
        for (int k = from; k < to; k++) {
            char c = line.charAt(k);
            if (c == '/' || c == '\\') {
                slashes++;
            }
            boolean isHex = (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
            hex &= isHex;
            hexDigit |= c >= '0' && c <= '9';
        }
        if (slashes >= 2) {
            sb.append('P');
            return;
        }
        if (hex && hexDigit) {
            sb.append('H');
            return;
        }
        boolean inDigits = false;
        for (int k = from; k < to; k++) {
            char c = line.charAt(k);
            if (Character.isDigit(c)) {
                if (!inDigits) {
                    sb.append('N');
                }
                inDigits = true;
            } else {
                sb.append(c);
                inDigits = false;
            }
        }
    }
}
