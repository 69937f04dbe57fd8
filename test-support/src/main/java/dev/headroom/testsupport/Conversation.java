package dev.headroom.testsupport;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;

/**
 * What the fake needs to know about a request body: the model, whether it streams, and the conversation
 * flattened into user texts and tool results in order, whatever the wire format.
 */
public final class Conversation {

    /** One element of the flattened conversation. */
    public record Item(boolean toolResult, String text) {
    }

    private final String model;
    private final boolean stream;
    private final List<Item> items;

    private Conversation(String model, boolean stream, List<Item> items) {
        this.model = model;
        this.stream = stream;
        this.items = List.copyOf(items);
    }

    public String model() {
        return model;
    }

    public boolean stream() {
        return stream;
    }

    public List<Item> items() {
        return items;
    }

    /** A request whose body could not be read (an unsupported Content-Encoding): no conversation, default model. */
    public static Conversation opaque(Api api, boolean stream) {
        return new Conversation(api == Api.ANTHROPIC ? "claude-fake" : "gpt-fake", stream, List.of());
    }

    public static Conversation of(Api api, JsonNode body) {
        String model = body.path("model").asText(api == Api.ANTHROPIC ? "claude-fake" : "gpt-fake");
        boolean stream = body.path("stream").asBoolean(false);
        List<Item> items = new ArrayList<>();
        switch (api) {
            case ANTHROPIC:
                anthropic(body.path("messages"), items);
                break;
            case CHAT:
                chat(body.path("messages"), items);
                break;
            default:
                responses(body.path("input"), items);
        }
        return new Conversation(model, stream, items);
    }

    private static void anthropic(JsonNode messages, List<Item> items) {
        for (JsonNode m : messages) {
            if (!"user".equals(m.path("role").asText())) {
                continue;
            }
            JsonNode content = m.path("content");
            if (content.isTextual()) {
                items.add(new Item(false, content.asText()));
                continue;
            }
            for (JsonNode block : content) {
                String type = block.path("type").asText();
                if ("tool_result".equals(type)) {
                    items.add(new Item(true, block.path("content").toString()));
                } else if ("text".equals(type)) {
                    items.add(new Item(false, block.path("text").asText()));
                }
            }
        }
    }

    private static void chat(JsonNode messages, List<Item> items) {
        for (JsonNode m : messages) {
            String role = m.path("role").asText();
            if ("tool".equals(role) || "function".equals(role)) {
                items.add(new Item(true, m.path("content").toString()));
            } else if ("user".equals(role)) {
                items.add(new Item(false, textOf(m.path("content"))));
            }
        }
    }

    private static void responses(JsonNode input, List<Item> items) {
        if (input.isTextual()) {
            items.add(new Item(false, input.asText()));
            return;
        }
        for (JsonNode it : input) {
            String type = it.path("type").asText("message");
            if (type.endsWith("_call_output")) {
                items.add(new Item(true, it.path("output").toString()));
            } else if ("message".equals(type) && "user".equals(it.path("role").asText())) {
                items.add(new Item(false, textOf(it.path("content"))));
            }
        }
    }

    private static String textOf(JsonNode content) {
        if (content.isTextual()) {
            return content.asText();
        }
        StringBuilder sb = new StringBuilder();
        for (JsonNode part : content) {
            if (part.has("text")) {
                sb.append(part.path("text").asText()).append('\n');
            }
        }
        return sb.toString();
    }

    /** Index of the latest user text containing {@code word}, or -1. */
    public int lastUserTextContaining(String word) {
        for (int i = items.size() - 1; i >= 0; i--) {
            if (!items.get(i).toolResult() && items.get(i).text().contains(word)) {
                return i;
            }
        }
        return -1;
    }

    /** Number of tool results after position {@code index}. */
    public int toolResultsAfter(int index) {
        int n = 0;
        for (int i = index + 1; i < items.size(); i++) {
            if (items.get(i).toolResult()) {
                n++;
            }
        }
        return n;
    }
}
