package dev.headroom.engine.format;

import java.util.Locale;
import java.util.Set;

/** Decides the wire format from the shape of a request. */
final class FormatDetector {

    private static final Set<String> ANTHROPIC_BLOCKS = Set.of("tool_result", "tool_use", "thinking",
            "redacted_thinking", "server_tool_use", "web_search_tool_result", "document", "image");
    private static final Set<String> ANTHROPIC_ROOT = Set.of("system", "stop_sequences", "thinking",
            "anthropic_version", "context_management", "top_k");
    private static final Set<String> CHAT_ROOT = Set.of("max_completion_tokens", "n", "response_format",
            "stream_options", "logprobs", "functions", "frequency_penalty", "presence_penalty", "logit_bias");

    private FormatDetector() {
    }

    static WireFormat detect(SpanTree.Obj root) {
        SpanTree.Node messages = root.get("messages");
        if (messages == null) {
            return root.get("input") != null ? WireFormat.OPENAI_RESPONSES : null;
        }
        for (String k : root.keys()) {
            if (ANTHROPIC_ROOT.contains(k)) {
                return WireFormat.ANTHROPIC;
            }
            if (CHAT_ROOT.contains(k)) {
                return WireFormat.OPENAI_CHAT;
            }
        }
        if (messages instanceof SpanTree.Arr) {
            for (SpanTree.Node m : ((SpanTree.Arr) messages).items) {
                if (!(m instanceof SpanTree.Obj)) {
                    continue;
                }
                SpanTree.Obj msg = (SpanTree.Obj) m;
                String role = msg.str("role");
                if ("tool".equals(role) || "developer".equals(role) || "function".equals(role)
                        || msg.get("tool_calls") != null || msg.get("tool_call_id") != null) {
                    return WireFormat.OPENAI_CHAT;
                }
                if (msg.get("content") instanceof SpanTree.Arr) {
                    for (SpanTree.Node b : ((SpanTree.Arr) msg.get("content")).items) {
                        if (b instanceof SpanTree.Obj) {
                            String type = ((SpanTree.Obj) b).str("type");
                            if (type != null && ANTHROPIC_BLOCKS.contains(type)) {
                                return WireFormat.ANTHROPIC;
                            }
                            if ("image_url".equals(type) || "input_audio".equals(type)) {
                                return WireFormat.OPENAI_CHAT;
                            }
                        }
                    }
                }
            }
        }
        String model = root.str("model");
        if (model != null && model.toLowerCase(Locale.ROOT).startsWith("claude")) {
            return WireFormat.ANTHROPIC;
        }
        return WireFormat.OPENAI_CHAT;
    }
}
