package dev.headroom.proxy.support;

/** Request bodies for tests: small ones the engine leaves alone, and ones with a big compressible tool output. */
public final class Bodies {

    private Bodies() {
    }

    public static String smallAnthropic(boolean stream) {
        return "{\"model\":\"claude-sonnet-4-5\",\"max_tokens\":64,\"stream\":" + stream
                + ",\"messages\":[{\"role\":\"user\",\"content\":\"hello   there\"}]}";
    }

    /**
     * A service log big enough for the standard router to select from behind markers (balanced mode). Its lines vary
     * in shape (a phrase of 0-4 words cycles), so the lossless template folding cannot shrink it under the budget.
     */
    public static String bigToolOutput() {
        String[] phrases = {"", " after retry", " from queue orders-eu", " (slow path, cache cold)"};
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 300; i++) {
            sb.append("2026-11-26T10:").append(String.format("%02d:%02d", i / 60, i % 60)).append(" INFO worker-").append(i % 5)
                    .append(phrases[i % phrases.length]).append(" processed batch ").append(i).append(" in ")
                    .append(i * 7 % 100).append(" ms\n");
        }
        return sb.toString();
    }

    /** JSON string escaping for the test bodies. */
    public static String esc(String s) {
        return s.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n");
    }

    public static String anthropicWithToolResult(String session, boolean stream) {
        String output = esc(bigToolOutput());
        return "{\"model\":\"claude-sonnet-4-5\",\"max_tokens\":256,\"stream\":" + stream
                + ",\"system\":\"You are a test agent " + session + "\""
                + ",\"tools\":[{\"name\":\"Bash\",\"description\":\"run\",\"input_schema\":{\"type\":\"object\"}}]"
                + ",\"messages\":[{\"role\":\"user\",\"content\":\"list the services with errors\"},"
                + "{\"role\":\"assistant\",\"content\":[{\"type\":\"tool_use\",\"id\":\"toolu_1\",\"name\":\"Bash\","
                + "\"input\":{\"command\":\"curl status\"}}]},"
                + "{\"role\":\"user\",\"content\":[{\"type\":\"tool_result\",\"tool_use_id\":\"toolu_1\",\"content\":\""
                + output + "\"}]}]}";
    }
}
