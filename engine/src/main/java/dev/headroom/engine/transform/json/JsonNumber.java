package dev.headroom.engine.transform.json;

/** A JSON number kept as its original spelling ({@code 1.0}, {@code 1e5}, {@code -0} stay as written). */
public record JsonNumber(String text) {

    /** The value as a double, for statistics only (never for output). */
    public double doubleValue() {
        return Double.parseDouble(text);
    }

    @Override
    public String toString() {
        return text;
    }
}
