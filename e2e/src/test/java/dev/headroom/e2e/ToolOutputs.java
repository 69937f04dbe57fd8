package dev.headroom.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.headroom.testsupport.RecordedRequest;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The tool outputs inside a request body as the upstream received it: Anthropic {@code tool_result} contents
 * and Responses {@code function_call_output} outputs, in conversation order.
 */
final class ToolOutputs {

    private static final ObjectMapper JSON = new ObjectMapper();
    static final Pattern MARKER = Pattern.compile("\\[headroom: [^\\]]*headroom_retrieve hash=([0-9a-f]{24})\\]");

    private ToolOutputs() {
    }

    static List<String> of(RecordedRequest request) {
        JsonNode body;
        try {
            body = JSON.readTree(request.body());
        } catch (IOException e) {
            return List.of();
        }
        List<String> out = new ArrayList<>();
        if (body == null) {
            return out;
        }
        for (JsonNode m : body.path("messages")) {
            for (JsonNode block : m.path("content")) {
                if ("tool_result".equals(block.path("type").asText())) {
                    out.add(text(block.path("content")));
                }
            }
        }
        for (JsonNode item : body.path("input")) {
            if ("function_call_output".equals(item.path("type").asText())) {
                out.add(text(item.path("output")));
            }
        }
        return out;
    }

    /** The tool names the request offered the model. */
    static List<String> toolNames(RecordedRequest request) {
        List<String> names = new ArrayList<>();
        try {
            for (JsonNode t : JSON.readTree(request.body()).path("tools")) {
                names.add(t.path("name").asText(""));
            }
        } catch (IOException ignored) {
            // no tools
        }
        return names;
    }

    /** The first retrieval hash in a marker, or null. */
    static String firstMarkerHash(String text) {
        Matcher m = MARKER.matcher(text);
        return m.find() ? m.group(1) : null;
    }

    private static String text(JsonNode content) {
        if (content.isTextual()) {
            return content.asText();
        }
        StringBuilder b = new StringBuilder();
        for (JsonNode part : content) {
            b.append(part.path("text").asText(""));
        }
        return b.toString();
    }
}
