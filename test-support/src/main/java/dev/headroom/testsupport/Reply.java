package dev.headroom.testsupport;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * What the fake answers in one turn: a final text, or a tool call (name plus arguments object).
 */
public record Reply(String text, String toolName, ObjectNode toolArguments) {

    public static Reply text(String text) {
        return new Reply(text, null, null);
    }

    public static Reply toolCall(String name, ObjectNode arguments) {
        return new Reply(null, name, arguments);
    }

    public boolean isToolCall() {
        return toolName != null;
    }

    /** The text (or the arguments JSON) cut into streaming deltas of at most {@code size} chars; 0 = one delta. */
    java.util.List<String> deltas(int size) {
        String whole = isToolCall() ? toolArguments().toString() : text;
        if (size <= 0 || whole.length() <= size) {
            return java.util.List.of(whole);
        }
        java.util.List<String> out = new java.util.ArrayList<>();
        int i = 0;
        while (i < whole.length()) {
            int end = Math.min(whole.length(), i + size);
            if (end < whole.length() && Character.isHighSurrogate(whole.charAt(end - 1))) {
                end++; // never split a surrogate pair
            }
            out.add(whole.substring(i, end));
            i = end;
        }
        return out;
    }
}
