package dev.headroom.dialects.retrieve;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.headroom.engine.format.JsonFactories;

import dev.headroom.engine.format.JsonSpans;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * Appends items to the top-level {@code messages} (or {@code input}) array of a request body by splicing bytes
 * before its closing bracket, so everything the provider may have cached stays byte-identical on the re-ask.
 */
public final class MessagesAppender {

    private static final JsonFactory FACTORY = JsonFactories.pooled();

    private MessagesAppender() {
    }

    /** @param items JSON values, each already serialized; returns null when the array cannot be found */
    public static byte[] append(byte[] body, String arrayField, String... items) {
        long close = closingBracket(body, arrayField);
        if (close < 0) {
            return null;
        }
        boolean empty = isEmptyArray(body, (int) close);
        ByteArrayOutputStream out = new ByteArrayOutputStream(body.length + 1024);
        out.write(body, 0, (int) close);
        boolean first = empty;
        for (String item : items) {
            if (!first) {
                out.write(',');
            }
            first = false;
            // a retrieved original may hold a lone surrogate (sent as an escape): keep it an escape, not '?'
            byte[] b = JsonSpans.escapeLoneSurrogates(item).getBytes(StandardCharsets.UTF_8);
            out.write(b, 0, b.length);
        }
        out.write(body, (int) close, body.length - (int) close);
        return out.toByteArray();
    }

    private static boolean isEmptyArray(byte[] body, int close) {
        int i = close - 1;
        while (i >= 0 && Character.isWhitespace(body[i])) {
            i--;
        }
        return i >= 0 && body[i] == '[';
    }

    /** Byte offset of the {@code ]} that closes the top-level array {@code field}, or -1. */
    private static long closingBracket(byte[] body, String field) {
        try (JsonParser p = FACTORY.createParser(body)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                return -1;
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                JsonToken t = p.nextToken();
                if (name.equals(field) && t == JsonToken.START_ARRAY) {
                    p.skipChildren();
                    return p.currentTokenLocation().getByteOffset();
                }
                p.skipChildren();
            }
            return -1;
        } catch (IOException e) {
            return -1;
        }
    }
}
