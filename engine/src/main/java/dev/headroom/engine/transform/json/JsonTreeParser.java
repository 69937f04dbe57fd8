package dev.headroom.engine.transform.json;

import com.fasterxml.jackson.core.JsonFactory;
import dev.headroom.engine.format.JsonFactories;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads JSON text into the lossless tree of {@link JsonObject}, {@link JsonNumber}, ... with Jackson's
 * streaming parser. Numbers keep their text, keys keep their order and duplicates. Jackson canonicalises
 * field names, so the repeated keys of an array of objects share one String instance, which makes the
 * table encoder's key comparisons identity checks in practice.
 */
public final class JsonTreeParser {

    private static final JsonFactory FACTORY = JsonFactories.pooled();

    private JsonTreeParser() {
    }

    /** The tree of {@code text}, or null when it is not exactly one JSON object or array. */
    public static Object parseContainer(String text) {
        try (JsonParser p = FACTORY.createParser(text)) {
            JsonToken first = p.nextToken();
            if (first != JsonToken.START_OBJECT && first != JsonToken.START_ARRAY) {
                return null;
            }
            Object root = read(p, first);
            return p.nextToken() == null ? root : null;
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /** The tree of any JSON value; throws on invalid input. */
    public static Object parse(String text) throws IOException {
        try (JsonParser p = FACTORY.createParser(text)) {
            Object root = read(p, p.nextToken());
            if (p.nextToken() != null) {
                throw new IOException("trailing content after the JSON value");
            }
            return root;
        }
    }

    private static Object read(JsonParser p, JsonToken t) throws IOException {
        if (t == null) {
            throw new IOException("unexpected end of input");
        }
        switch (t) {
            case START_OBJECT: {
                JsonObject o = new JsonObject();
                JsonToken next;
                while ((next = p.nextToken()) == JsonToken.FIELD_NAME) {
                    String key = p.currentName();
                    o.add(key, read(p, p.nextToken()));
                }
                if (next != JsonToken.END_OBJECT) {
                    throw new IOException("unterminated object");
                }
                return o;
            }
            case START_ARRAY: {
                List<Object> a = new ArrayList<>();
                JsonToken next;
                while ((next = p.nextToken()) != JsonToken.END_ARRAY) {
                    a.add(read(p, next));
                }
                return a;
            }
            case VALUE_STRING:
                return p.getText();
            case VALUE_NUMBER_INT:
            case VALUE_NUMBER_FLOAT:
                return new JsonNumber(p.getText());
            case VALUE_TRUE:
                return Boolean.TRUE;
            case VALUE_FALSE:
                return Boolean.FALSE;
            case VALUE_NULL:
                return JsonNull.NULL;
            default:
                throw new IOException("unexpected token " + t);
        }
    }
}
