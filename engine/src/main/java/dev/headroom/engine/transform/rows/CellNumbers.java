package dev.headroom.engine.transform.rows;

/**
 * Reads the numbers that command-line tables print: {@code 42}, {@code -0.5}, {@code 97%}, {@code 1.6G},
 * {@code 256Mi}, {@code 100m} (millicores). Sizes are scaled (K, M, G, T and their binary Ki, Mi, Gi, Ti), so that
 * {@code 5.0M} and {@code 468G} compare as sizes when looking for outliers. Anything else is not a number.
 * A hand-written scan rather than {@code Double.parseDouble} with a catch: cells are read by the thousand.
 */
public final class CellNumbers {

    private static final int MAX_LENGTH = 24;

    private CellNumbers() {
    }

    /** The value of {@code s}, or NaN when it is not a plain number with an optional unit. */
    public static double parse(String s) {
        int n = s.length();
        if (n == 0 || n > MAX_LENGTH) {
            return Double.NaN;
        }
        int i = 0;
        boolean negative = s.charAt(0) == '-';
        if (negative || s.charAt(0) == '+') {
            i++;
        }
        int digitsStart = i;
        double value = 0;
        while (i < n && isDigit(s.charAt(i))) {
            value = value * 10 + (s.charAt(i++) - '0');
        }
        int intDigits = i - digitsStart;
        if (i < n && s.charAt(i) == '.') {
            i++;
            double scale = 0.1;
            int fractionStart = i;
            while (i < n && isDigit(s.charAt(i))) {
                value += (s.charAt(i++) - '0') * scale;
                scale /= 10;
            }
            if (i == fractionStart) {
                return Double.NaN;
            }
        } else if (intDigits == 0) {
            return Double.NaN;
        }
        double unit = unit(s, i);
        if (Double.isNaN(unit)) {
            return Double.NaN;
        }
        return (negative ? -value : value) * unit;
    }

    /** The multiplier of the suffix starting at {@code i}, or NaN when it is not a known unit. */
    private static double unit(String s, int i) {
        String suffix = s.substring(i);
        switch (suffix) {
            case "", "%", "B":
                return 1;
            case "m":
                return 1e-3; // millicores (kubectl top)
            case "K", "k", "KB", "kB":
                return 1e3;
            case "M", "MB":
                return 1e6;
            case "G", "GB":
                return 1e9;
            case "T", "TB":
                return 1e12;
            case "Ki", "KiB":
                return 1024.0;
            case "Mi", "MiB":
                return 1024.0 * 1024;
            case "Gi", "GiB":
                return 1024.0 * 1024 * 1024;
            case "Ti", "TiB":
                return 1024.0 * 1024 * 1024 * 1024;
            default:
                return Double.NaN;
        }
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
