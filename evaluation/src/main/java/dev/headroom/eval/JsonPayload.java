package dev.headroom.eval;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The JSON inside a tool output, for the outside references (minified JSON, TOON): the whole output, or what
 * follows a Codex header, when that parses as one complete JSON object or array. Scalars are not JSON units:
 * a lone number or string is text to a reader.
 *
 * @param wrapper the text around the payload (the Codex header), kept when the references are counted
 * @param value   the parsed payload
 */
record JsonPayload(String wrapper, JsonNode value) {

    /**
     * Codex's envelope: {@code Chunk ID}, {@code Wall time}, {@code Process exited with code N},
     * {@code Original token count: N}, {@code Output:}, then, when Codex cut the output, a
     * {@code Warning: truncated output …} and a {@code Total output lines: N} line and a blank line.
     */
    private static final Pattern CODEX_HEADER = Pattern.compile(
            "\\A(?:Chunk ID: [^\\n]*\\n)?Wall time: [^\\n]*\\n(?:Process exited with code -?\\d+\\n)?"
                    + "(?:Original token count: \\d+\\n)?Output:\\n(?:Warning: truncated output[^\\n]*\\n)?"
                    + "(?:Total output lines: \\d+\\n)?(?:\\n)?");

    /** Exact decimals and a check that nothing follows the value, so minifying neither rounds nor drops. */
    private static final ObjectMapper JSON = JsonMapper.builder()
            .nodeFactory(JsonNodeFactory.withExactBigDecimals(true))
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    static Optional<JsonPayload> of(String toolOutput) {
        var header = CODEX_HEADER.matcher(toolOutput);
        String wrapper = header.lookingAt() ? header.group() : "";
        String payload = toolOutput.substring(wrapper.length()).strip();
        if (!payload.startsWith("{") && !payload.startsWith("[")) {
            return Optional.empty(); // most tool outputs: no parse attempt
        }
        try {
            JsonNode value = JSON.readTree(payload);
            return value != null && value.isContainerNode() ? Optional.of(new JsonPayload(wrapper, value)) : Optional.empty();
        } catch (JsonProcessingException e) {
            return Optional.empty();
        }
    }

    /** The payload without white space, as Jackson writes it. */
    String minified() {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
