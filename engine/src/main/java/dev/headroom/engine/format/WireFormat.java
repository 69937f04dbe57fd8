package dev.headroom.engine.format;

import java.util.Locale;

/** The three request wire formats the engine understands. */
public enum WireFormat {
    ANTHROPIC("anthropic"),
    OPENAI_CHAT("openai-chat"),
    OPENAI_RESPONSES("openai-responses");

    private final String label;

    WireFormat(String label) {
        this.label = label;
    }

    /** The name used on the command line and in reports ({@code anthropic}, {@code openai-chat}, ...). */
    public String label() {
        return label;
    }

    /** Parses a label; {@code auto} (or null) returns null, meaning "detect". */
    public static WireFormat parse(String value) {
        if (value == null) {
            return null;
        }
        String v = value.trim().toLowerCase(Locale.ROOT);
        if (v.isEmpty() || v.equals("auto")) {
            return null;
        }
        for (WireFormat f : values()) {
            if (f.label.equals(v)) {
                return f;
            }
        }
        switch (v) {
            case "messages":
                return ANTHROPIC;
            case "chat":
            case "openai":
                return OPENAI_CHAT;
            case "responses":
                return OPENAI_RESPONSES;
            default:
                throw new IllegalArgumentException("unknown format '" + value
                        + "' (expected auto, anthropic, openai-chat or openai-responses)");
        }
    }
}
