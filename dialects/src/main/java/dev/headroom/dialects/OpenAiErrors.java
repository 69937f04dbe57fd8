package dev.headroom.dialects;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** OpenAI's error body, {@code {"error":{message, type, param, code}}}, shared by Chat and Responses. */
final class OpenAiErrors {

    private OpenAiErrors() {
    }

    static byte[] json(String type, String message) {
        ObjectNode root = Json.MAPPER.createObjectNode();
        ObjectNode e = root.putObject("error");
        String t = translate(type);
        e.put("message", message);
        e.put("type", t);
        e.putNull("param");
        e.put("code", type);
        return Json.utf8(root.toString());
    }

    /** OpenAI's words for Anthropic's error kinds (the {@code code} keeps the proxy's own word). */
    private static String translate(String type) {
        switch (type) {
            case "api_error":
            case "overloaded_error":
            case "timeout_error":
                return "server_error";
            case "request_too_large":
                return "invalid_request_error";
            default:
                return type;
        }
    }
}
