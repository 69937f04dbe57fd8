package dev.headroom.bench;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Random;

/** Deterministic (seeded) request bodies for the benchmarks. */
final class Workloads {

    private Workloads() {
    }

    /** A pretty-printed JSON array of {@code n} API objects, about 300 bytes each. */
    static String jsonArray(int n) {
        Random r = new Random(42);
        String[] status = {"active", "active", "active", "pending", "disabled"};
        StringBuilder sb = new StringBuilder("[\n");
        for (int i = 0; i < n; i++) {
            sb.append(String.format(Locale.ROOT, "  {\n    \"id\": %d,\n    \"uuid\": \"%08x-%04x-4%03x-a%03x-%012x\",\n"
                            + "    \"name\": \"customer-%d\",\n    \"email\": \"customer%d@example.com\",\n"
                            + "    \"status\": \"%s\",\n    \"balance\": %.2f,\n    \"region\": \"%s\",\n"
                            + "    \"created_at\": \"2026-0%d-%02dT%02d:%02d:00Z\"\n  }%s\n",
                    10_000 + i, r.nextInt(), r.nextInt(0xffff), r.nextInt(0xfff), r.nextInt(0xfff), r.nextLong() & 0xffffffffffffL,
                    i, i, status[r.nextInt(status.length)], r.nextDouble() * 1000, r.nextBoolean() ? "eu-west-1" : "us-east-1",
                    1 + r.nextInt(9), 1 + r.nextInt(28), r.nextInt(24), r.nextInt(60), i + 1 < n ? "," : ""));
        }
        return sb.append("]").toString();
    }

    /** An application log of {@code n} lines with a stack trace buried in the middle. */
    static String log(int n) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < n; i++) {
            sb.append(String.format(Locale.ROOT, "2026-11-20T10:%02d:%02d.%03dZ INFO  [exec-%d] c.e.OrderController - GET /api/orders/%d 200 %dms%n",
                    (i / 60) % 60, i % 60, (i * 7) % 1000, i % 8, 5000 + i, 10 + i % 40));
            if (i == n / 2) {
                sb.append("2026-11-20T10:03:53.631Z ERROR [exec-3] c.e.PaymentClient - payment failed for order 5233\n")
                        .append("java.net.SocketTimeoutException: Read timed out\n")
                        .append("\tat com.example.PaymentClient.authorize(PaymentClient.java:88)\n");
            }
        }
        return sb.toString();
    }

    /** An Anthropic request whose tool results are the given texts, as a real agent sends it. */
    static byte[] anthropicRequest(String... toolOutputs) {
        StringBuilder sb = new StringBuilder("{\"model\":\"claude-sonnet-4-5\",\"max_tokens\":8000,\"stream\":true,")
                .append("\"system\":[{\"type\":\"text\",\"text\":\"You are Claude Code.\",\"cache_control\":{\"type\":\"ephemeral\"}}],")
                .append("\"messages\":[{\"role\":\"user\",\"content\":\"why did order 5233 fail?\"}");
        for (int i = 0; i < toolOutputs.length; i++) {
            sb.append(",{\"role\":\"assistant\",\"content\":[{\"type\":\"tool_use\",\"id\":\"t").append(i)
                    .append("\",\"name\":\"Bash\",\"input\":{\"command\":\"cmd\"}}]}")
                    .append(",{\"role\":\"user\",\"content\":[{\"type\":\"tool_result\",\"tool_use_id\":\"t").append(i)
                    .append("\",\"content\":").append(quote(toolOutputs[i])).append("}]}");
        }
        sb.append("],\"tools\":[{\"name\":\"Bash\",\"description\":\"Run a command\",\"input_schema\":{\"type\":\"object\"}}]}");
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static String quote(String s) {
        StringBuilder sb = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"': sb.append("\\\""); break;
                case '\\': sb.append("\\\\"); break;
                case '\n': sb.append("\\n"); break;
                case '\t': sb.append("\\t"); break;
                default: sb.append(c);
            }
        }
        return sb.append('"').toString();
    }
}
