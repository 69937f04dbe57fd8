package dev.headroom.proxy.plane;

import dev.headroom.dialects.Dialect;
import io.javalin.http.Context;
import org.eclipse.jetty.ee10.servlet.ServletContextRequest;

import java.io.IOException;

/**
 * The answers the proxy itself gives a client, and the one thing it does when an answer cannot be given any more:
 * before the first byte, an error in the provider's shape with a status the client can act on (4xx its own fault,
 * 502/504 the upstream's); after it, an aborted connection, so a cut body is seen as cut and never as complete.
 */
final class ClientAnswer {

    private ClientAnswer() {
    }

    static boolean committed(Context ctx) {
        return ctx.res().isCommitted();
    }

    /** A proxy-made JSON error: the only statuses the proxy ever invents. */
    static void error(Context ctx, Dialect dialect, int status, String type, String message)
            throws IOException {
        byte[] body = dialect.errorJson(type, message);
        var res = ctx.res();
        res.reset();
        res.setStatus(status);
        res.setContentType("application/json");
        res.setContentLength(body.length);
        res.getOutputStream().write(body);
        res.getOutputStream().flush();
    }

    /**
     * Ends the client's connection without completing the response (no last chunk, fewer bytes than its length),
     * the only honest answer once some of a body has been sent and the rest will not come.
     */
    static void abort(Context ctx, Throwable cause) {
        try {
            ServletContextRequest.getServletContextRequest(ctx.req()).getServletChannel().abort(cause);
        } catch (RuntimeException e) {
            // not a Jetty request (tests with a mock context): nothing to abort
        }
    }
}
