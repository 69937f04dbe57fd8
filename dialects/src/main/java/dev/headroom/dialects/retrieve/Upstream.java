package dev.headroom.dialects.retrieve;

import java.io.IOException;

/**
 * The upstream as the round loop sees it: send these request bytes, get the reply. The caller implements it with
 * whatever client it has (the proxy's transport, an app's own HTTP client under the JVM agent), with its own
 * deadlines and cancellation; a failure is an {@link IOException}. The loop never resends by itself.
 */
@FunctionalInterface
public interface Upstream {

    UpstreamReply send(byte[] body) throws IOException;
}
