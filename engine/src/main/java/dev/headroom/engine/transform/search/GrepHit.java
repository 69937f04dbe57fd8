package dev.headroom.engine.transform.search;

/**
 * One line of grep/rg output: {@code path:12:content} for a match or {@code path-12-content} for a
 * context line ({@code -A/-B/-C}). {@link #original()} rebuilds the line exactly.
 *
 * @param path    the file, never empty, no whitespace; empty for rows under an rg {@code --heading}
 * @param sep     {@code ':'} for a match, {@code '-'} for a context line
 * @param lineNo  the line number's digits as written
 * @param content everything after the second separator, verbatim
 */
public record GrepHit(String path, char sep, String lineNo, String content) {

    public boolean isMatch() {
        return sep == ':';
    }

    public String original() {
        return path + sep + lineNo + sep + content;
    }

    /** The hit on {@code line}, or null. {@code hintPath} (the previous hit's file) settles {@code -N-} splits. */
    public static GrepHit parse(String line, String hintPath) {
        if (line.isEmpty() || Character.isWhitespace(line.charAt(0))) {
            return null;
        }
        int from = hasDrive(line) ? 2 : 0;
        int colon = line.indexOf(':', from);
        if (colon > 0) {
            GrepHit hit = at(line, colon, ':');
            if (hit != null) {
                return hit;
            }
        }
        if (hintPath != null && !hintPath.isEmpty() && line.startsWith(hintPath)
                && line.length() > hintPath.length() && line.charAt(hintPath.length()) == '-') {
            GrepHit hit = at(line, hintPath.length(), '-');
            if (hit != null) {
                return hit;
            }
        }
        int dash = line.indexOf('-', from);
        int limit = Math.min(line.length(), 4096);
        while (dash > 0 && dash < limit) {
            if (Character.isWhitespace(line.charAt(dash - 1))) {
                return null; // paths hold no whitespace, and later dashes would only be further in
            }
            GrepHit hit = at(line, dash, '-');
            if (hit != null) {
                return hit;
            }
            dash = line.indexOf('-', dash + 1);
        }
        return null;
    }

    /** A row under an rg {@code --heading} path: {@code 12:content} or {@code 12-content}. */
    public static GrepHit parseHeadingRow(String line) {
        int j = 0;
        while (j < line.length() && Character.isDigit(line.charAt(j))) {
            j++;
        }
        if (j == 0 || j >= line.length() || line.charAt(0) == '0') {
            return null;
        }
        char sep = line.charAt(j);
        if (sep != ':' && sep != '-') {
            return null;
        }
        return new GrepHit("", sep, line.substring(0, j), line.substring(j + 1));
    }

    /** True when {@code s} looks like a file path: no whitespace, and a dot or slash in it. */
    public static boolean looksLikePath(String s) {
        if (s.isEmpty() || s.length() > 1024) {
            return false;
        }
        boolean marked = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isWhitespace(c) || c == '"' || c == '<' || c == '>' || c == '|' || c == '*' || c == '[' || c == '(') {
                return false;
            }
            marked |= c == '.' || c == '/' || c == '\\';
        }
        return marked && !(s.startsWith("http") && s.contains("//")) && s.charAt(0) != '-';
    }

    private static GrepHit at(String line, int sepIndex, char sep) {
        if (sepIndex + 1 >= line.length() || line.charAt(sepIndex + 1) < '1' || line.charAt(sepIndex + 1) > '9') {
            return null; // checked first so that lines full of dashes stay cheap
        }
        int j = sepIndex + 1;
        while (j < line.length() && Character.isDigit(line.charAt(j))) {
            j++;
        }
        if (j >= line.length() || line.charAt(j) != sep || j - sepIndex > 10) {
            return null;
        }
        String path = line.substring(0, sepIndex);
        if (!looksLikePath(path)) {
            return null;
        }
        return new GrepHit(path, sep, line.substring(sepIndex + 1, j), line.substring(j + 1));
    }

    private static boolean hasDrive(String line) {
        return line.length() > 3 && Character.isLetter(line.charAt(0)) && line.charAt(1) == ':'
                && (line.charAt(2) == '\\' || line.charAt(2) == '/');
    }
}
