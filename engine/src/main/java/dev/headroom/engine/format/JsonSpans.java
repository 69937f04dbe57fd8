package dev.headroom.engine.format;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.io.JsonStringEncoder;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** Byte-level helpers for JSON string values: where they end, what they say, how to write one. */
public final class JsonSpans {

    private static final JsonFactory FACTORY = JsonFactories.pooled();

    private JsonSpans() {
    }

    /**
     * The exclusive end of the JSON string whose opening quote is at {@code quote}: one past the closing
     * quote. Escapes are skipped pairwise, so {@code \"} and {@code \\} are handled.
     */
    public static int stringEnd(byte[] b, int quote) {
        if (b[quote] != '"') {
            throw new IllegalArgumentException("no string starts at byte " + quote);
        }
        int i = quote + 1;
        while (i < b.length) {
            byte c = b[i];
            if (c == '"') {
                return i + 1;
            }
            i += c == '\\' ? 2 : 1;
        }
        throw new IllegalArgumentException("unterminated string at byte " + quote);
    }

    /** Decodes the JSON string literal in {@code b[start, end)} (quotes included). */
    public static String decode(byte[] b, int start, int end) {
        boolean escaped = false;
        for (int i = start + 1; i < end - 1; i++) {
            if (b[i] == '\\') {
                escaped = true;
                break;
            }
        }
        if (!escaped) {
            return new String(b, start + 1, end - start - 2, StandardCharsets.UTF_8);
        }
        try (JsonParser p = FACTORY.createParser(b, start, end - start)) {
            if (p.nextToken() != JsonToken.VALUE_STRING) {
                throw new IllegalArgumentException("not a JSON string at byte " + start);
            }
            return p.getText();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * {@code text} as a JSON string literal in UTF-8, quotes included, escaping only what JSON requires and the
     * lone UTF-16 surrogates UTF-8 cannot carry (as {@code &#92;uD800}: the escape a client sent them in).
     */
    public static byte[] encode(String text) {
        byte[] body = hasLoneSurrogate(text)
                ? escapeLoneSurrogates(new String(JsonStringEncoder.getInstance().quoteAsString(text))).getBytes(StandardCharsets.UTF_8)
                : JsonStringEncoder.getInstance().quoteAsUTF8(text);
        byte[] out = new byte[body.length + 2];
        out[0] = '"';
        System.arraycopy(body, 0, out, 1, body.length);
        out[out.length - 1] = '"';
        return out;
    }

    /** True when {@code s} holds a high surrogate not followed by a low one, or a low one not preceded by a high one. */
    public static boolean hasLoneSurrogate(CharSequence s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isHighSurrogate(c)) {
                if (i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                    i++;
                    continue;
                }
                return true;
            }
            if (Character.isLowSurrogate(c)) {
                return true;
            }
        }
        return false;
    }

    /**
     * JSON text (or the inside of a JSON string) with each lone surrogate written as its {@code &#92;uXXXX} escape, so
     * encoding it to UTF-8 loses nothing (Java's encoder would write {@code ?}). Lone surrogates can only stand inside
     * JSON strings, where the escape means the same. Returns {@code json} itself when it has none.
     */
    public static String escapeLoneSurrogates(String json) {
        if (!hasLoneSurrogate(json)) {
            return json;
        }
        StringBuilder sb = new StringBuilder(json.length() + 16);
        for (int i = 0; i < json.length(); i++) {
            char c = json.charAt(i);
            boolean pair = Character.isHighSurrogate(c) && i + 1 < json.length() && Character.isLowSurrogate(json.charAt(i + 1));
            if (pair) {
                sb.append(c).append(json.charAt(++i));
            } else if (Character.isSurrogate(c)) {
                sb.append(String.format(java.util.Locale.ROOT, "\\u%04X", (int) c));
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }
}
