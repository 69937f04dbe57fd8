package dev.headroom.engine.transform.json;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the text {@link TableEncoder} writes (compact JSON with tables) back into the JSON tree, which
 * proves the lossless mode loses nothing and lets tools turn a compressed unit back into JSON.
 * {@link #decodeWithMarkers(String)} also accepts lossy output and returns the omission markers it met.
 */
public final class JsonTableDecoder extends TextCursor {

    private static final String MARKER_START = "[headroom: ";
    private static final Object MISSING = new Object();
    private static final Pattern MARKER = Pattern.compile(
            "\\[headroom: (\\d+)(?: of \\d+)? ([a-z0-9 ]+) omitted(?: \\([^\\]]*\\))?; headroom_retrieve hash=[0-9a-f]+]");

    private final boolean lenient;
    private final List<String> markers = new ArrayList<>();
    private final Map<Object, Omission> omissions = new IdentityHashMap<>();

    private JsonTableDecoder(String s, boolean lenient) {
        super(s);
        this.lenient = lenient;
    }

    /**
     * A decoded unit: the tree of what was kept, the omission markers of tables and arrays in order, and
     * for each shortened array (by identity) what its marker said.
     */
    public record Decoded(Object tree, List<String> markers, Map<Object, Omission> omissions) {

        /** What the marker in {@code container} (a list or a JsonObject) said, or null when it was complete. */
        public Omission omission(Object container) {
            return omissions.get(container);
        }
    }

    /** The count and unit a row or item marker names. */
    public record Omission(long count, String unit) {
    }

    /** The JSON tree of lossless output; throws IllegalArgumentException on anything else. */
    public static Object decode(String text) {
        return new JsonTableDecoder(withoutLegend(text), false).root().tree();
    }

    /** The tree of kept values and the row/item markers of lossy (or lossless) output. */
    public static Decoded decodeWithMarkers(String text) {
        return new JsonTableDecoder(withoutLegend(text), true).root();
    }

    private static String withoutLegend(String text) {
        String legend = TableEncoder.DEFAULTS_LEGEND + "\n";
        return text.startsWith(legend) ? text.substring(legend.length()) : text;
    }

    /** Plain compact JSON of the decoded tree. */
    public static String toJson(String text) {
        return JsonText.compact(decode(text));
    }

    private Decoded root() {
        Object v = value();
        if (pos != s.length()) {
            throw error("trailing text");
        }
        return new Decoded(v, List.copyOf(markers), omissions);
    }

    private Object value() {
        char c = peek();
        switch (c) {
            case '{':
                return isTableHeader() ? mapTable() : object();
            case '[':
                return isTableHeader() ? table() : array();
            case '"':
                return string();
            default:
                return scalar(rawScalar(), false);
        }
    }

    private JsonObject object() {
        expect('{');
        JsonObject o = new JsonObject();
        if (peek() == '}') {
            pos++;
            return o;
        }
        while (true) {
            if (lenient && s.startsWith(MARKER_START, pos)) {
                omissions.put(o, omission(marker()));
            } else {
                String key = string();
                expect(':');
                o.add(key, value());
            }
            char c = next();
            if (c == '}') {
                return o;
            }
            if (c != ',') {
                throw error("expected , or } in object");
            }
        }
    }

    private List<Object> array() {
        expect('[');
        List<Object> a = new ArrayList<>();
        if (peek() == ']') {
            pos++;
            return a;
        }
        while (true) {
            if (lenient && s.startsWith(MARKER_START, pos)) {
                omissions.put(a, omission(marker()));
            } else {
                a.add(value());
            }
            char c = next();
            if (c == ']') {
                return a;
            }
            if (c != ',') {
                throw error("expected , or ] in array");
            }
        }
    }

    /** True at {@code [N]{} (a table) or {@code {N}{} (a map table); neither can start JSON. */
    private boolean isTableHeader() {
        int i = pos + 1;
        int digits = i;
        while (i < s.length() && Character.isDigit(s.charAt(i))) {
            i++;
        }
        return i > digits && s.startsWith(s.charAt(pos) == '[' ? "]{" : "}{", i);
    }

    private JsonObject mapTable() {
        JsonObject map = new JsonObject();
        List<Object> rows = rows('{', '}', map);
        for (Object row : rows) {
            map.values.add(row);
        }
        return map;
    }

    private List<Object> table() {
        return rows('[', ']', null);
    }

    /**
     * Reads a table's header and rows. For a map table ({@code map} not null) each row's first cell is
     * its key, added to {@code map.keys}, and the first header label is skipped.
     */
    private List<Object> rows(char open, char close, JsonObject map) {
        expect(open);
        int start = pos;
        while (Character.isDigit(peek())) {
            pos++;
        }
        int rows = Integer.parseInt(s.substring(start, pos));
        expect(close);
        expect('{');
        List<String> columns = new ArrayList<>();
        List<Object> defaults = new ArrayList<>();
        while (true) {
            columns.add(peek() == '"' ? string() : rawLabel());
            Object fallback = MISSING;
            if (peek() == '=') {
                pos++;
                fallback = peek() == '"' ? string() : scalar(rawUntil(',', '}'), true);
            }
            defaults.add(fallback);
            char c = next();
            if (c == '}') {
                break;
            }
            if (c != ',') {
                throw error("expected , or } in table header");
            }
        }
        expect(':');
        if (map != null) {
            columns.remove(0);
            defaults.remove(0);
        }
        List<Object> out = new ArrayList<>(rows);
        for (int r = 0; r < rows; r++) {
            expect('\n');
            if (map != null) {
                String key = peek() == '"' ? string() : rawCell();
                if (key.isEmpty() && s.charAt(pos - 1) != '"') {
                    throw error("map table row without a key");
                }
                map.keys.add(key);
                expect(',');
            }
            JsonObject row = new JsonObject(columns.size());
            for (int c = 0; c < columns.size(); c++) {
                if (c > 0) {
                    expect(',');
                }
                Object cell = cell();
                if (cell == MISSING) {
                    cell = defaults.get(c);
                }
                if (cell != MISSING) {
                    row.add(columns.get(c), cell);
                }
            }
            out.add(row);
        }
        if (lenient && s.startsWith("\n" + MARKER_START, pos)) {
            pos++;
            omissions.put(map != null ? map : out, omission(marker()));
        }
        if (pos < s.length()) {
            expect('\n');
        }
        return out;
    }

    /** A bare header label: up to its default's {@code =}, the next label's comma or the header's end. */
    private String rawLabel() {
        int start = pos;
        while (pos < s.length() && s.charAt(pos) != ',' && s.charAt(pos) != '}' && s.charAt(pos) != '=') {
            pos++;
        }
        return s.substring(start, pos);
    }

    private Object cell() {
        if (pos >= s.length()) {
            return MISSING;
        }
        char c = s.charAt(pos);
        if (c == '"' || c == '{' || c == '[') {
            return value();
        }
        String raw = rawCell();
        return raw.isEmpty() ? MISSING : scalar(raw, true);
    }

    private Object scalar(String raw, boolean cell) {
        switch (raw) {
            case "null":
                return JsonNull.NULL;
            case "true":
                return Boolean.TRUE;
            case "false":
                return Boolean.FALSE;
            default:
                if (JsonText.isNumber(raw)) {
                    return new JsonNumber(raw);
                }
                if (cell) {
                    return raw;
                }
                throw error("not a JSON value: " + raw);
        }
    }

    private Omission omission(String marker) {
        markers.add(marker);
        Matcher m = MARKER.matcher(marker);
        if (!m.matches()) {
            throw error("malformed marker " + marker);
        }
        return new Omission(Long.parseLong(m.group(1)), m.group(2));
    }

    private String marker() {
        int end = s.indexOf(']', pos);
        if (end < 0) {
            throw error("unterminated marker");
        }
        String m = s.substring(pos, end + 1);
        pos = end + 1;
        return m;
    }
}
