package dev.headroom.dialects.retrieve;

import java.io.InputStream;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** One upstream reply: status, headers (names in any case), and the body as it arrives. Closing the body ends the call. */
public record UpstreamReply(int status, Map<String, List<String>> headers, InputStream body) {

    /** The first value of {@code name} (case-insensitive), or "". */
    public String header(String name) {
        for (Map.Entry<String, List<String>> e : headers.entrySet()) {
            if (e.getKey().equalsIgnoreCase(name) && !e.getValue().isEmpty()) {
                return e.getValue().get(0);
            }
        }
        return "";
    }

    public boolean isEventStream() {
        return header("content-type").toLowerCase(Locale.ROOT).startsWith("text/event-stream");
    }

    public boolean isJson() {
        return header("content-type").toLowerCase(Locale.ROOT).contains("json");
    }
}
