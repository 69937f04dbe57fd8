package dev.headroom.engine.transform.json;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A JSON object as written: keys in their original order, duplicates kept (a map would reorder or merge
 * them, and the lossless mode must give back every fact). Values are {@link String}, {@link JsonNumber},
 * {@link Boolean}, {@link JsonNull}, {@link JsonObject} or {@code List<Object>}.
 */
public final class JsonObject {

    final ArrayList<String> keys;
    final ArrayList<Object> values;

    public JsonObject() {
        this(8);
    }

    JsonObject(int capacity) {
        keys = new ArrayList<>(capacity);
        values = new ArrayList<>(capacity);
    }

    public void add(String key, Object value) {
        keys.add(key);
        values.add(value);
    }

    public int size() {
        return keys.size();
    }

    public String key(int i) {
        return keys.get(i);
    }

    public Object value(int i) {
        return values.get(i);
    }

    public List<String> keys() {
        return keys;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof JsonObject other && keys.equals(other.keys) && values.equals(other.values);
    }

    @Override
    public int hashCode() {
        return Objects.hash(keys, values);
    }

    @Override
    public String toString() {
        return JsonText.compact(this);
    }
}
