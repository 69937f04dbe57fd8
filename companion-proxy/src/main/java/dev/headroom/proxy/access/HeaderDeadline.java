package dev.headroom.proxy.access;

import org.eclipse.jetty.io.EndPoint;
import org.eclipse.jetty.server.AbstractConnector;
import org.eclipse.jetty.server.internal.HttpConnection;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * A deadline for a request's head: a connection that has started a request but not finished its headers within
 * {@code millis} is closed. Jetty has only an idle timeout, which every dribbled header line resets, so a client
 * sending one line every few seconds held a connection (and a slot) for as long as it liked. A sweep a few times a
 * second looks at each connection's parser; connections idle between requests (an agent's kept-alive ones) are in
 * the parser's start state and are left alone.
 */
public final class HeaderDeadline implements AutoCloseable {

    private final AbstractConnector connector;
    private final long millis;
    private final Map<EndPoint, Long> started = new ConcurrentHashMap<>();
    private final ScheduledExecutorService sweeper = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "headroom-header-deadline");
        t.setDaemon(true);
        return t;
    });

    public HeaderDeadline(AbstractConnector connector, long millis) {
        this.connector = connector;
        this.millis = millis;
        long period = Math.max(50, Math.min(500, millis / 4));
        sweeper.scheduleWithFixedDelay(this::sweep, period, period, TimeUnit.MILLISECONDS);
    }

    private void sweep() {
        try {
            long now = System.nanoTime();
            Set<EndPoint> seen = new HashSet<>();
            for (EndPoint ep : connector.getConnectedEndPoints()) {
                if (!(ep.getConnection() instanceof HttpConnection hc)) {
                    continue;
                }
                var parser = hc.getParser();
                if (parser.isStart() || !parser.inHeaderState()) {
                    continue;
                }
                seen.add(ep);
                long since = started.computeIfAbsent(ep, k -> now);
                if (now - since > millis * 1_000_000L) {
                    started.remove(ep);
                    ep.close(new java.util.concurrent.TimeoutException("request headers not complete within "
                            + millis + " ms"));
                }
            }
            started.keySet().retainAll(seen);
        } catch (RuntimeException e) {
            // a connection that changed under the sweep: looked at again next time
        }
    }

    @Override
    public void close() {
        sweeper.shutdownNow();
    }
}
