package dev.headroom.dialects.retrieve;

import java.util.Locale;

/** One {@code headroom_retrieve} call of the model: its call id and the hash it asks for (normalised). */
public record RetrieveCall(String id, String hash) {

    /** The hash as a marker names it, trimmed, lower-case, a leading {@code hash=} dropped. */
    public static String normalise(String raw) {
        String h = raw == null ? "" : raw.trim().toLowerCase(Locale.ROOT);
        return h.startsWith("hash=") ? h.substring(5) : h;
    }

    /** The hash from a call's JSON arguments string (OpenAI), or "" when they do not parse. */
    public static String hashFromArguments(String arguments) {
        try {
            return normalise(dev.headroom.dialects.Json.MAPPER.readTree(arguments).path("hash").asText(""));
        } catch (java.io.IOException | RuntimeException e) {
            return "";
        }
    }
}
