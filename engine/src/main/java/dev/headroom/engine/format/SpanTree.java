package dev.headroom.engine.format;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * A shallow, lazy view of a request body made in one streaming pass: objects and arrays with their byte
 * offsets, and string values as byte offsets that are decoded only when asked for. Subtrees the engine
 * never reads (tool schemas, metadata) are skipped by the parser without building nodes, which keeps the
 * pass close to the cost of a bare Jackson parse.
 */
public final class SpanTree {

    /** Root keys whose contents the engine reads ({@code response}: a Codex WebSocket {@code response.create} frame). */
    private static final Set<String> DESCEND_ROOT = Set.of("messages", "system", "input", "response");
    /** Small identifying fields decoded eagerly. */
    private static final Set<String> EAGER = Set.of("type", "role", "name", "id", "tool_use_id", "call_id",
            "tool_call_id", "model", "status");

    private static final JsonFactory FACTORY = JsonFactories.forBodies();

    /** Any node; {@code start} is the byte offset of its first byte. */
    public abstract static class Node {
        public final int start;

        Node(int start) {
            this.start = start;
        }
    }

    /** An object; {@code end} is the offset of its closing brace. */
    public static final class Obj extends Node {
        // Request objects have a handful of keys: parallel arrays with a linear scan beat a hash map here.
        private String[] keys = new String[6];
        private Node[] values = new Node[6];
        private int size;
        public int end;

        Obj(int start) {
            super(start);
        }

        void put(String key, Node value) {
            for (int i = 0; i < size; i++) {
                if (keys[i].equals(key)) {
                    values[i] = value; // duplicate key: the last one wins, as in Jackson's tree model
                    return;
                }
            }
            if (size == keys.length) {
                keys = java.util.Arrays.copyOf(keys, size * 2);
                values = java.util.Arrays.copyOf(values, size * 2);
            }
            keys[size] = key;
            values[size++] = value;
        }

        public Node get(String key) {
            for (int i = 0; i < size; i++) {
                if (keys[i].equals(key)) {
                    return values[i];
                }
            }
            return null;
        }

        public boolean isEmpty() {
            return size == 0;
        }

        /** The keys in document order. */
        public List<String> keys() {
            return java.util.Arrays.asList(java.util.Arrays.copyOf(keys, size));
        }

        /** The eagerly decoded string value of {@code key}, or null. */
        public String str(String key) {
            Node n = get(key);
            return n instanceof Str ? ((Str) n).eager : null;
        }

        public boolean bool(String key) {
            Node n = get(key);
            return n instanceof Scalar && "true".equals(((Scalar) n).text);
        }
    }

    /** An array; {@code end} is the offset of its closing bracket. */
    public static final class Arr extends Node {
        public final List<Node> items = new ArrayList<>();
        public int end;

        Arr(int start) {
            super(start);
        }
    }

    /** A string value; {@code eager} holds the text for identifying fields, else null until decoded. */
    public static final class Str extends Node {
        final String eager;
        /** An upper bound of the end: where the next token starts (or the body's end). */
        int limit = Integer.MAX_VALUE;

        Str(int start, String eager) {
            super(start);
            this.eager = eager;
        }

        /** At least the byte length of the literal, quotes included; cheap (no scan). */
        public int limit() {
            return limit;
        }

        public int end(byte[] body) {
            return JsonSpans.stringEnd(body, start);
        }

        public String text(byte[] body) {
            return eager != null ? eager : JsonSpans.decode(body, start, end(body));
        }
    }

    /** A number, boolean or null; or a skipped container ({@code text} is null, {@code end} its closing offset). */
    public static final class Scalar extends Node {
        public final String text;
        public final int end;

        Scalar(int start, String text, int end) {
            super(start);
            this.text = text;
            this.end = end;
        }
    }

    private SpanTree() {
    }

    /** Reads the body; throws {@link IllegalArgumentException} when it is not a JSON object. */
    public static Obj read(byte[] body) {
        try (JsonParser p = FACTORY.createParser(body)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw new IllegalArgumentException("request body is not a JSON object");
            }
            Obj root = readObject(p, true);
            if (p.nextToken() != null) {
                throw new IllegalArgumentException("trailing content after the JSON object");
            }
            return root;
        } catch (IOException e) {
            throw new IllegalArgumentException("request body is not valid JSON: " + e.getMessage(), e);
        }
    }

    private static Obj readObject(JsonParser p, boolean root) throws IOException {
        Obj obj = new Obj(offset(p));
        JsonToken t;
        Node last = null;
        while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
            closeString(last, p);
            String key = p.currentName();
            JsonToken v = p.nextToken();
            if (root && !DESCEND_ROOT.contains(key) && (v == JsonToken.START_OBJECT || v == JsonToken.START_ARRAY)) {
                int start = offset(p);
                p.skipChildren();
                last = new Scalar(start, null, offset(p));
            } else {
                last = readValue(p, v, key);
            }
            obj.put(key, last);
        }
        if (t != JsonToken.END_OBJECT) {
            throw new IOException("malformed object");
        }
        obj.end = offset(p);
        closeString(last, p);
        return obj;
    }

    private static Node readValue(JsonParser p, JsonToken v, String key) throws IOException {
        switch (v) {
            case START_OBJECT:
                return readObject(p, false);
            case START_ARRAY: {
                Arr arr = new Arr(offset(p));
                JsonToken t;
                Node last = null;
                while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
                    if (t == null) {
                        throw new IOException("unterminated array");
                    }
                    closeString(last, p);
                    last = readValue(p, t, null);
                    arr.items.add(last);
                }
                arr.end = offset(p);
                closeString(last, p);
                return arr;
            }
            case VALUE_STRING:
                return new Str(offset(p), key != null && EAGER.contains(key) ? p.getText() : null);
            default:
                return new Scalar(offset(p), p.getText(), offset(p));
        }
    }

    /** Gives the previous string value its upper bound: the offset of the token after it. */
    private static void closeString(Node previous, JsonParser p) {
        if (previous instanceof Str) {
            ((Str) previous).limit = offset(p);
        }
    }

    private static int offset(JsonParser p) {
        return Math.toIntExact(p.currentTokenLocation().getByteOffset());
    }
}
