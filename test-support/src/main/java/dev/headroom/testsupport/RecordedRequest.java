package dev.headroom.testsupport;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * One request as the fake upstream received it: method, path with query, headers and the raw body bytes
 * exactly as they came off the wire (still compressed if the client sent a Content-Encoding).
 *
 * @param sequence 1-based arrival order
 * @param headers  header names in lower case, each with its values in arrival order
 */
public record RecordedRequest(int sequence, String method, String pathAndQuery,
                              Map<String, List<String>> headers, byte[] body) {

    public RecordedRequest {
        TreeMap<String, List<String>> lower = new TreeMap<>();
        headers.forEach((k, v) -> lower.computeIfAbsent(k.toLowerCase(Locale.ROOT), x -> new java.util.ArrayList<>()).addAll(v));
        lower.replaceAll((k, v) -> List.copyOf(v));
        headers = java.util.Collections.unmodifiableMap(lower);
        body = body.clone();
    }

    /** The path without the query string. */
    public String path() {
        int q = pathAndQuery.indexOf('?');
        return q < 0 ? pathAndQuery : pathAndQuery.substring(0, q);
    }

    /** The raw query string, or null when there is none. */
    public String query() {
        int q = pathAndQuery.indexOf('?');
        return q < 0 ? null : pathAndQuery.substring(q + 1);
    }

    /** The first value of a header (case-insensitive), or null. */
    public String header(String name) {
        List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    @Override
    public byte[] body() {
        return body.clone();
    }

    /** The body decoded as UTF-8 (malformed bytes replaced). */
    public String bodyText() {
        return new String(body, StandardCharsets.UTF_8);
    }

    /** One JSONL line: the body as text when it is valid UTF-8, otherwise as base64. */
    public ObjectNode toJson(ObjectMapper json) {
        ObjectNode node = json.createObjectNode();
        node.put("seq", sequence);
        node.put("method", method);
        node.put("path", pathAndQuery);
        ObjectNode h = node.putObject("headers");
        headers.forEach((k, v) -> {
            var arr = h.putArray(k);
            v.forEach(arr::add);
        });
        String text = strictUtf8(body);
        if (text != null) {
            node.put("body", text);
        } else {
            node.put("bodyBase64", Base64.getEncoder().encodeToString(body));
        }
        return node;
    }

    private static String strictUtf8(byte[] bytes) {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }

    @Override
    public String toString() {
        return "#" + sequence + " " + method + " " + pathAndQuery + " (" + body.length + " bytes)";
    }
}
