package dev.headroom.engine.transform;

/** Decides what a tool output looks like. (Placeholder: a fuller detector replaces this.) */
public final class ContentDetector {

    private ContentDetector() {
    }

    public static ContentType detect(String text) {
        String t = text.stripLeading();
        if (t.startsWith("{") || t.startsWith("[")) {
            return ContentType.JSON;
        }
        return ContentType.TEXT;
    }
}
