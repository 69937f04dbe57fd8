package dev.headroom.engine.format;

/**
 * One tool output found in a request: the byte span of its JSON string value and what is known about it.
 *
 * @param start           offset of the opening quote
 * @param end             offset one past the closing quote
 * @param toolName        the tool that produced it (from the matching call), or empty when unknown
 * @param error           true when the request marks it as an error ({@code is_error})
 * @param kind            where it sits: {@code tool_result}, {@code tool}, {@code function_call_output}, ...
 * @param hasCacheControl true when its block carries {@code cache_control} (reported; the marker is never touched)
 */
public record ToolOutput(int start, int end, String toolName, boolean error, String kind, boolean hasCacheControl) {
}
