package dev.headroom.dialects.retrieve;

import dev.headroom.dialects.Dialect;
import dev.headroom.dialects.Dialects;

/** Request bodies of each dialect for {@link RetrieveRoundsContract}. */
final class Contracts {

    private Contracts() {
    }

    static String anthropic(boolean stream) {
        return "{\"model\":\"claude-sonnet-4-5\",\"max_tokens\":64,\"stream\":" + stream
                + ",\"messages\":[{\"role\":\"user\",\"content\":\"find the needle\"}]}";
    }

    static String chat(boolean stream) {
        return "{\"model\":\"gpt-4o\",\"stream\":" + stream + (stream ? ",\"stream_options\":{\"include_usage\":true}" : "")
                + ",\"messages\":[{\"role\":\"user\",\"content\":\"find the needle\"}]}";
    }

    static String responses(boolean stream) {
        return "{\"model\":\"gpt-5\",\"stream\":" + stream
                + ",\"input\":[{\"type\":\"message\",\"role\":\"user\",\"content\":\"find the needle\"}]}";
    }
}
