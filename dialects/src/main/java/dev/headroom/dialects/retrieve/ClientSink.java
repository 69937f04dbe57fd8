package dev.headroom.dialects.retrieve;

import java.io.IOException;
import java.util.List;
import java.util.Map;

/**
 * The client side of a retrieve round: the status and headers are committed once (from the first reply, without its
 * length: the body the client gets differs), then bytes are written and flushed as they become final. A failed write
 * means the client left; the loop then stops and closes the upstream reply.
 */
public interface ClientSink {

    /** A write failed: the client is gone. Sinks throw it so the loop can tell it from an upstream failure. */
    final class ClientGone extends IOException {
        public ClientGone(IOException cause) {
            super(cause);
        }
    }

    void commit(int status, Map<String, List<String>> headers) throws IOException;

    void write(byte[] bytes) throws IOException;
}
