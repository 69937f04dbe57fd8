package dev.headroom.engine.format;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Finds the tool outputs of a request in each wire format, with the names of the tools that produced them.
 *
 * <ul>
 *   <li>Anthropic Messages: {@code tool_result} blocks (string content, or the {@code text} blocks of a
 *       block-list content); names come from earlier {@code tool_use} blocks by id.</li>
 *   <li>OpenAI Chat: {@code role: tool} (and legacy {@code function}) messages; names from
 *       {@code tool_calls[].function.name} by id.</li>
 *   <li>OpenAI Responses: {@code *_call_output} items' {@code output}; names from the matching call items.</li>
 * </ul>
 * Every other block type, role or item is left alone and never even decoded.
 */
public final class RequestScanner {

    private static final byte[] SYSTEM_REMINDER = "<system-reminder>".getBytes(java.nio.charset.StandardCharsets.UTF_8);

    private RequestScanner() {
    }

    /** Scans {@code body}; {@code forced} overrides detection. Throws IllegalArgumentException when not understood. */
    public static RequestScan scan(byte[] body, WireFormat forced) {
        SpanTree.Obj root = SpanTree.read(body);
        if ("response.create".equals(root.str("type")) && root.get("response") instanceof SpanTree.Obj) {
            // A Codex WebSocket frame wraps a Responses request: {"type":"response.create","response":{...}}
            root = (SpanTree.Obj) root.get("response");
            forced = forced != null ? forced : WireFormat.OPENAI_RESPONSES;
        }
        WireFormat format = forced != null ? forced : FormatDetector.detect(root);
        if (format == null) {
            throw new IllegalArgumentException("not an Anthropic or OpenAI request (no messages or input)");
        }
        List<ToolOutput> outputs = new ArrayList<>();
        String latestUser;
        switch (format) {
            case ANTHROPIC:
                latestUser = anthropic(body, root, outputs);
                break;
            case OPENAI_CHAT:
                latestUser = chat(body, root, outputs);
                break;
            default:
                latestUser = responses(body, root, outputs);
                break;
        }
        int toolsStart = -1;
        int toolsEnd = -1;
        boolean toolsEmpty = true;
        boolean definesRetrieve = false;
        SpanTree.Node tools = root.get("tools");
        if (tools instanceof SpanTree.Scalar && ((SpanTree.Scalar) tools).text == null && body[tools.start] == '[') {
            toolsStart = tools.start;
            toolsEnd = ((SpanTree.Scalar) tools).end;
        } else if (tools instanceof SpanTree.Arr) {
            toolsStart = tools.start;
            toolsEnd = ((SpanTree.Arr) tools).end;
        }
        if (toolsStart >= 0) {
            toolsEmpty = isBlank(body, toolsStart + 1, toolsEnd);
            definesRetrieve = contains(body, toolsStart, toolsEnd, "\"headroom_retrieve\"");
        }
        String model = root.str("model");
        return new RequestScan(format, model == null ? "" : model, outputs, latestUser == null ? "" : latestUser,
                toolsStart, toolsEnd, toolsEmpty, definesRetrieve, root.end, root.isEmpty());
    }

    private static String anthropic(byte[] body, SpanTree.Obj root, List<ToolOutput> out) {
        Map<String, String> names = new HashMap<>();
        SpanTree.Node latestUser = null;
        List<SpanTree.Obj> messages = objects(root.get("messages"));
        int position = 0;
        for (SpanTree.Obj msg : messages) {
            int fromEnd = messages.size() - 1 - position++;
            String role = msg.str("role");
            SpanTree.Node content = msg.get("content");
            if ("user".equals(role) && content instanceof SpanTree.Str) {
                latestUser = content;
                continue;
            }
            boolean userText = false;
            for (SpanTree.Obj block : objects(content)) {
                String type = block.str("type");
                if ("tool_use".equals(type) || "server_tool_use".equals(type)) {
                    if (block.str("id") != null && block.str("name") != null) {
                        names.put(block.str("id"), block.str("name"));
                    }
                } else if ("tool_result".equals(type)) {
                    String name = names.getOrDefault(String.valueOf(block.str("tool_use_id")), "");
                    boolean error = block.bool("is_error");
                    boolean cc = block.get("cache_control") != null;
                    SpanTree.Node c = block.get("content");
                    if (c instanceof SpanTree.Str) {
                        out.add(unit((SpanTree.Str) c, name, error, "tool_result", cc, fromEnd));
                    } else {
                        for (SpanTree.Obj inner : objects(c)) {
                            if ("text".equals(inner.str("type")) && inner.get("text") instanceof SpanTree.Str) {
                                out.add(unit((SpanTree.Str) inner.get("text"), name, error, "tool_result",
                                        cc || inner.get("cache_control") != null, fromEnd));
                            }
                        }
                    }
                } else if ("text".equals(type) && "user".equals(role) && block.get("text") instanceof SpanTree.Str
                        && !startsWith(body, (SpanTree.Str) block.get("text"), SYSTEM_REMINDER)) {
                    userText = true;
                }
            }
            if (userText) {
                latestUser = content;
            }
        }
        return latestUser == null ? null : text(body, latestUser, "text");
    }

    private static String chat(byte[] body, SpanTree.Obj root, List<ToolOutput> out) {
        Map<String, String> names = new HashMap<>();
        SpanTree.Node latestUser = null;
        List<SpanTree.Obj> messages = objects(root.get("messages"));
        int position = 0;
        for (SpanTree.Obj msg : messages) {
            int fromEnd = messages.size() - 1 - position++;
            String role = msg.str("role");
            for (SpanTree.Obj call : objects(msg.get("tool_calls"))) {
                SpanTree.Node fn = call.get("function");
                if (call.str("id") != null && fn instanceof SpanTree.Obj && ((SpanTree.Obj) fn).str("name") != null) {
                    names.put(call.str("id"), ((SpanTree.Obj) fn).str("name"));
                }
            }
            SpanTree.Node content = msg.get("content");
            if ("tool".equals(role) || "function".equals(role)) {
                String name = msg.str("name");
                if (name == null) {
                    name = names.getOrDefault(String.valueOf(msg.str("tool_call_id")), "");
                }
                if (content instanceof SpanTree.Str) {
                    out.add(unit((SpanTree.Str) content, name, false, role, false, fromEnd));
                } else {
                    for (SpanTree.Obj part : objects(content)) {
                        if (part.get("text") instanceof SpanTree.Str) {
                            out.add(unit((SpanTree.Str) part.get("text"), name, false, role, false, fromEnd));
                        }
                    }
                }
            } else if ("user".equals(role)) {
                latestUser = content;
            }
        }
        return latestUser == null ? null : text(body, latestUser, "text");
    }

    private static String responses(byte[] body, SpanTree.Obj root, List<ToolOutput> out) {
        SpanTree.Node input = root.get("input");
        if (input instanceof SpanTree.Str) {
            return ((SpanTree.Str) input).text(body);
        }
        Map<String, String> names = new HashMap<>();
        SpanTree.Node latestUser = null;
        List<SpanTree.Obj> items = objects(input);
        int position = 0;
        for (SpanTree.Obj item : items) {
            int fromEnd = items.size() - 1 - position++;
            String type = item.str("type");
            if (type == null && item.str("role") != null) {
                type = "message";
            }
            if (type == null) {
                continue;
            }
            String callId = item.str("call_id");
            if (type.endsWith("_call") && callId != null) {
                String name = item.str("name");
                if (name == null) {
                    name = type.substring(0, type.length() - "_call".length());
                }
                names.put(callId, name);
            } else if (type.endsWith("_call_output")) {
                String name = names.getOrDefault(String.valueOf(callId), "");
                SpanTree.Node output = item.get("output");
                if (output instanceof SpanTree.Str) {
                    out.add(unit((SpanTree.Str) output, name, false, type, false, fromEnd));
                } else {
                    for (SpanTree.Obj part : objects(output)) {
                        if (part.get("text") instanceof SpanTree.Str) {
                            out.add(unit((SpanTree.Str) part.get("text"), name, false, type, false, fromEnd));
                        }
                    }
                }
            } else if (type.equals("message") && "user".equals(item.str("role"))) {
                latestUser = item.get("content");
            }
        }
        return latestUser == null ? null : text(body, latestUser, "input_text");
    }

    private static ToolOutput unit(SpanTree.Str s, String name, boolean error, String kind, boolean cc, int fromEnd) {
        return new ToolOutput(s.start, s.limit(), name == null ? "" : name, error, kind, cc, fromEnd);
    }

    /** The text of a string content, or of its text parts joined by newlines. */
    private static String text(byte[] body, SpanTree.Node content, String partType) {
        if (content instanceof SpanTree.Str) {
            return ((SpanTree.Str) content).text(body);
        }
        StringBuilder sb = new StringBuilder();
        for (SpanTree.Obj part : objects(content)) {
            String type = part.str("type");
            if ((partType.equals(type) || "text".equals(type)) && part.get("text") instanceof SpanTree.Str
                    && !startsWith(body, (SpanTree.Str) part.get("text"), SYSTEM_REMINDER)) {
                if (sb.length() > 0) {
                    sb.append('\n');
                }
                sb.append(((SpanTree.Str) part.get("text")).text(body));
            }
        }
        return sb.length() == 0 ? null : sb.toString();
    }

    private static List<SpanTree.Obj> objects(SpanTree.Node node) {
        if (!(node instanceof SpanTree.Arr)) {
            return List.of();
        }
        List<SpanTree.Obj> out = new ArrayList<>();
        for (SpanTree.Node n : ((SpanTree.Arr) node).items) {
            if (n instanceof SpanTree.Obj) {
                out.add((SpanTree.Obj) n);
            }
        }
        return out;
    }

    /** True when the string literal's raw bytes start with {@code prefix} (after the opening quote). */
    private static boolean startsWith(byte[] body, SpanTree.Str s, byte[] prefix) {
        int from = s.start + 1;
        if (from + prefix.length > body.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (body[from + i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    private static boolean isBlank(byte[] b, int from, int to) {
        for (int i = from; i < to; i++) {
            if (b[i] != ' ' && b[i] != '\n' && b[i] != '\r' && b[i] != '\t') {
                return false;
            }
        }
        return true;
    }

    private static boolean contains(byte[] b, int from, int to, String needle) {
        byte[] n = needle.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        outer:
        for (int i = from; i <= to - n.length; i++) {
            for (int j = 0; j < n.length; j++) {
                if (b[i + j] != n[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }
}
