package dev.headroom.agent.scenario;

import java.nio.charset.StandardCharsets;

/** The request bodies the scenarios send; the tests rebuild them to compare bytes. */
public final class ScenarioBodies {

    private ScenarioBodies() {
    }

    /** An Anthropic Messages request whose last turn is a pretty-printed JSON tool result (~30 KB). */
    public static byte[] anthropicToolResult() {
        StringBuilder rows = new StringBuilder("[\n");
        for (int i = 0; i < 120; i++) {
            rows.append("  {\n")
                    .append("    \"id\": ").append(1000 + i).append(",\n")
                    .append("    \"customer\": \"customer-").append(i % 17).append("\",\n")
                    .append("    \"status\": \"").append(i % 3 == 0 ? "shipped" : "pending").append("\",\n")
                    .append("    \"total\": ").append(10 + (i * 7) % 90).append(".5,\n")
                    .append("    \"items\": ").append(1 + i % 4).append("\n")
                    .append("  }").append(i < 119 ? "," : "").append("\n");
        }
        rows.append("]");
        String toolResult = jsonString(rows.toString());
        String body = "{\"model\":\"claude-sonnet-4-5\",\"max_tokens\":256,\"messages\":["
                + "{\"role\":\"user\",\"content\":\"Which orders are still pending?\"},"
                + "{\"role\":\"assistant\",\"content\":[{\"type\":\"tool_use\",\"id\":\"toolu_1\",\"name\":\"list_orders\",\"input\":{}}]},"
                + "{\"role\":\"user\",\"content\":[{\"type\":\"tool_result\",\"tool_use_id\":\"toolu_1\",\"content\":"
                + toolResult + "}]}]}";
        return body.getBytes(StandardCharsets.UTF_8);
    }

    static String jsonString(String s) {
        StringBuilder sb = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"': sb.append("\\\""); break;
                case '\\': sb.append("\\\\"); break;
                case '\n': sb.append("\\n"); break;
                default: sb.append(c);
            }
        }
        return sb.append('"').toString();
    }
}
