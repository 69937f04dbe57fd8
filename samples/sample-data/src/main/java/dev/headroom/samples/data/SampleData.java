package dev.headroom.samples.data;

import java.util.Locale;
import java.util.Random;

/**
 * The conversation every sample sends: a question, one tool call, and the tool's output — a
 * pretty-printed JSON list of orders, as an internal API returns it. That output is what Headroom's
 * agent compresses; everything else in the request stays as the SDK wrote it.
 */
public final class SampleData {

    public static final String QUESTION = "Which orders failed payment yesterday, and why?";
    public static final String TOOL_NAME = "list_orders";
    public static final String TOOL_CALL_ID = "call_orders_1";
    public static final String TOOL_ARGUMENTS = "{\"since\":\"2026-11-25\"}";

    private SampleData() {
    }

    /** 120 orders, pretty-printed (about 40 KB), with two payment failures among them. */
    public static String ordersJson() {
        Random r = new Random(7);
        StringBuilder sb = new StringBuilder("{\n  \"orders\": [\n");
        for (int i = 0; i < 120; i++) {
            boolean failed = i == 41 || i == 97;
            sb.append(String.format(Locale.ROOT,
                    "    {\n      \"id\": \"ord_%05d\",\n      \"customer\": \"customer-%03d@example.com\",\n"
                            + "      \"amount\": %.2f,\n      \"currency\": \"EUR\",\n      \"status\": \"%s\",\n"
                            + "      \"payment_error\": %s,\n      \"created_at\": \"2026-11-25T%02d:%02d:00Z\"\n    }%s\n",
                    20_000 + i, r.nextInt(400), 5 + r.nextDouble() * 500, failed ? "payment_failed" : "paid",
                    failed ? "\"card_declined: insufficient funds\"" : "null", i % 24, (i * 7) % 60, i < 119 ? "," : ""));
        }
        return sb.append("  ],\n  \"next_page\": null\n}\n").toString();
    }

    /** The base URL the sample talks to: {@code LLM_BASE_URL}, else the provider's own. */
    public static String baseUrl(String providerDefault) {
        String v = System.getenv("LLM_BASE_URL");
        return v == null || v.isBlank() ? providerDefault : v;
    }

    /** The API key: {@code LLM_API_KEY}, else a placeholder (enough for a local fake upstream). */
    public static String apiKey() {
        String v = System.getenv("LLM_API_KEY");
        return v == null || v.isBlank() ? "sk-sample-placeholder" : v;
    }
}
