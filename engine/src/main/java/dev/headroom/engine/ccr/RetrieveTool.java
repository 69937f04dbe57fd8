package dev.headroom.engine.ccr;

import dev.headroom.engine.format.WireFormat;

import java.nio.charset.StandardCharsets;

/**
 * The {@code headroom_retrieve} tool definition, as constant bytes per wire format. The bytes never change
 * within a release, so appending the tool on every turn of a session keeps the tools prefix (and with it
 * the provider's prompt cache) identical.
 */
public final class RetrieveTool {

    public static final String NAME = "headroom_retrieve";

    static final String DESCRIPTION = "Retrieve the original, uncompressed content of a tool output that was "
            + "shortened to save tokens. Call it when a marker such as [headroom: 87 rows omitted; headroom_retrieve "
            + "hash=...] hides something you need; pass the hash from the marker.";

    private static final String SCHEMA = "{\"type\":\"object\",\"properties\":{\"hash\":{\"type\":\"string\","
            + "\"description\":\"The hash named in the marker.\"}},\"required\":[\"hash\"],\"additionalProperties\":false}";

    private static final byte[] ANTHROPIC = ("{\"name\":\"" + NAME + "\",\"description\":\"" + DESCRIPTION
            + "\",\"input_schema\":" + SCHEMA + "}").getBytes(StandardCharsets.UTF_8);
    private static final byte[] CHAT = ("{\"type\":\"function\",\"function\":{\"name\":\"" + NAME
            + "\",\"description\":\"" + DESCRIPTION + "\",\"parameters\":" + SCHEMA + "}}")
            .getBytes(StandardCharsets.UTF_8);
    private static final byte[] RESPONSES = ("{\"type\":\"function\",\"name\":\"" + NAME + "\",\"description\":\""
            + DESCRIPTION + "\",\"parameters\":" + SCHEMA + ",\"strict\":false}").getBytes(StandardCharsets.UTF_8);

    private RetrieveTool() {
    }

    /** The tool definition for {@code format}, as JSON bytes (a fresh copy). */
    public static byte[] definition(WireFormat format) {
        switch (format) {
            case ANTHROPIC:
                return ANTHROPIC.clone();
            case OPENAI_CHAT:
                return CHAT.clone();
            default:
                return RESPONSES.clone();
        }
    }
}
