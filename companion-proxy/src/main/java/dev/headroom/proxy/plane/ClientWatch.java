package dev.headroom.proxy.plane;

import io.javalin.http.Context;
import org.eclipse.jetty.ee10.servlet.ServletContextRequest;
import org.eclipse.jetty.io.EndPoint;
import org.eclipse.jetty.util.BufferUtil;

import java.io.IOException;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Notices a client that leaves while its request waits for the upstream's answer, and runs the cancel action of
 * the upstream call then: the call stops instead of running on for a reader who is gone. Jetty reads nothing from a
 * connection while its request is being handled, so it never learns of the client's close by itself; a sweep four
 * times a second tries a one-byte read on each watched connection, and end of stream means the client left. The
 * watch ends before the first byte of the answer is written (after that, a failed write tells the relay, and a
 * stream writes often: events, pings). A byte read while watching would belong to a pipelined request, which
 * agents' clients never send; it cannot be put back, so that request fails with Jetty's 400, never a wrong answer.
 */
final class ClientWatch implements AutoCloseable {

    private static final Set<ClientWatch> WATCHED = ConcurrentHashMap.newKeySet();
    private static final ScheduledExecutorService SWEEPER = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "headroom-client-watch");
        t.setDaemon(true);
        return t;
    });

    static {
        SWEEPER.scheduleWithFixedDelay(ClientWatch::sweep, 250, 250, TimeUnit.MILLISECONDS);
    }

    private final EndPoint endPoint;
    private final AtomicReference<Runnable> cancel = new AtomicReference<>();
    private volatile boolean gone;
    private boolean closed;

    ClientWatch(Context ctx) {
        EndPoint ep = null;
        try {
            ep = ServletContextRequest.getServletContextRequest(ctx.req()).getServletChannel().getEndPoint();
        } catch (RuntimeException e) {
            // not a Jetty request: writes that fail still tell the relay the client left
        }
        this.endPoint = ep;
        if (ep != null) {
            WATCHED.add(this);
        }
    }

    /** The action that aborts the current upstream call; runs at once when the client has already left. */
    void onCancel(Runnable action) {
        cancel.set(action);
        if (gone) {
            action.run();
        }
    }

    boolean gone() {
        return gone;
    }

    /**
     * Stops watching, before the first byte of the answer is written: once the client has its answer it may send
     * the next request on the same connection, and a byte of it must never be read here.
     */
    @Override
    public synchronized void close() {
        closed = true;
        WATCHED.remove(this);
    }

    private static void sweep() {
        for (ClientWatch w : WATCHED) {
            w.check();
        }
    }

    private synchronized void check() {
        if (closed) {
            return;
        }
        int n;
        try {
            // Jetty's buffers are filled after their limit: an empty one with room for a byte
            n = endPoint.isOpen() ? endPoint.fill(BufferUtil.allocate(1)) : -1;
        } catch (IOException | RuntimeException e) {
            n = -1;
        }
        if (n > 0) {
            WATCHED.remove(this);
        } else if (n < 0) {
            WATCHED.remove(this);
            gone = true;
            Runnable r = cancel.get();
            if (r != null) {
                r.run();
            }
        }
    }
}
