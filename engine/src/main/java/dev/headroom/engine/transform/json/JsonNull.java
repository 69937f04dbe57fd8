package dev.headroom.engine.transform.json;

/** The JSON {@code null} literal (a Java null would be ambiguous with "missing"). */
public enum JsonNull {
    NULL;

    @Override
    public String toString() {
        return "null";
    }
}
