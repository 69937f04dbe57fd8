package dev.headroom.engine.format;

/**
 * One tool output found in a request: the byte span of its JSON string value and what is known about it.
 *
 * @param start           offset of the opening quote
 * @param limit           an upper bound of the literal's end (where the next token starts): cheap size checks
 * @param toolName        the tool that produced it (from the matching call), or empty when unknown
 * @param error           true when the request marks it as an error ({@code is_error})
 * @param kind            where it sits: {@code tool_result}, {@code tool}, {@code function_call_output}, ...
 * @param hasCacheControl true when its block carries {@code cache_control} (reported; the marker is never touched)
 * @param messagesFromEnd how many messages (or input items) follow the one holding it: 0 for the newest
 */
public record ToolOutput(int start, int limit, String toolName, boolean error, String kind, boolean hasCacheControl,
                         int messagesFromEnd) {

    /** Offset one past the closing quote (scans the literal). */
    public int end(byte[] body) {
        return JsonSpans.stringEnd(body, start);
    }

    /** True when the literal is surely shorter than {@code chars} characters, without reading it. */
    public boolean surelyShorterThan(int chars) {
        return limit - start - 2 < chars;
    }
}
