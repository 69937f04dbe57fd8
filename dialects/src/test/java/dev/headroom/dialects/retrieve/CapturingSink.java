package dev.headroom.dialects.retrieve;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/** A client that keeps what it was sent. */
final class CapturingSink implements ClientSink {

    int status;
    int commits;
    final ByteArrayOutputStream bytes = new ByteArrayOutputStream();

    @Override
    public void commit(int status, Map<String, List<String>> headers) {
        this.status = status;
        commits++;
    }

    @Override
    public void write(byte[] b) {
        bytes.writeBytes(b);
    }

    String text() {
        return bytes.toString(StandardCharsets.UTF_8);
    }
}
