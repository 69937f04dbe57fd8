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
}
