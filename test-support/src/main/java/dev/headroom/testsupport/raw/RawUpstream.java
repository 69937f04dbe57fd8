package dev.headroom.testsupport.raw;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An upstream on raw sockets that misbehaves on command, for the faults an HTTP server library will not produce:
 * malformed status lines, conflicting lengths, bytes after the body, a body cut by FIN or RST, silence. Each request
 * read off a connection takes the next {@link Script} from the queue (a well-formed JSON 200 when it is empty);
 * the script writes whatever bytes it likes and may close the connection. It records every request and knows which
 * connections the caller still holds open, so a test can see whether a bad connection was thrown away.
 *
 * <pre>{@code
 * try (RawUpstream up = RawUpstream.start()) {
 *     up.enqueue(c -> c.write("HTTP/1.1 abc Bad\r\nContent-Length: 2\r\n\r\n{}"));
 *     ... point the proxy at up.baseUrl() ...
 * }
 * }</pre>
 */
public final class RawUpstream implements AutoCloseable {

    /** Answers one request on one connection. */
    @FunctionalInterface
    public interface Script {
        void play(RawConnection c) throws IOException, InterruptedException;
    }

    /** A plain, well-formed JSON reply (what an empty queue answers). */
    public static final Script OK_JSON = c -> c.write("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n"
            + "Content-Length: 11\r\n\r\n{\"ok\":true}");

    private final ServerSocket server;
    private final ExecutorService threads = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "raw-upstream");
        t.setDaemon(true);
        return t;
    });
    private final Deque<Script> scripts = new ArrayDeque<>();
    private final List<RawRequest> requests = new CopyOnWriteArrayList<>();
    private final List<Socket> sockets = new CopyOnWriteArrayList<>();
    private final AtomicInteger accepted = new AtomicInteger();
    private final AtomicInteger open = new AtomicInteger();
    private volatile Script fallback = OK_JSON;

    private RawUpstream(ServerSocket server) {
        this.server = server;
    }

    /** Listens on a free loopback port. */
    public static RawUpstream start() throws IOException {
        ServerSocket s = new ServerSocket();
        s.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 256);
        RawUpstream up = new RawUpstream(s);
        up.threads.execute(up::acceptLoop);
        return up;
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + server.getLocalPort();
    }

    /** The next request (on any connection) is answered by {@code s}. */
    public RawUpstream enqueue(Script s) {
        synchronized (scripts) {
            scripts.addLast(s);
        }
        return this;
    }

    /** What requests get once the queue is empty. */
    public RawUpstream otherwise(Script s) {
        this.fallback = s;
        return this;
    }

    public List<RawRequest> requests() {
        return requests;
    }

    /** Connections accepted so far. */
    public int accepted() {
        return accepted.get();
    }

    /** Connections the other side has not closed yet. */
    public int openConnections() {
        return open.get();
    }

    /** Waits up to {@code millis} for the open connections to fall to {@code n}; returns the count then. */
    public int awaitOpenConnections(int n, long millis) throws InterruptedException {
        long deadline = System.nanoTime() + millis * 1_000_000L;
        while (open.get() > n && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        return open.get();
    }

    /** Waits up to {@code millis} until {@code n} requests have arrived; returns the count then. */
    public int awaitRequests(int n, long millis) throws InterruptedException {
        long deadline = System.nanoTime() + millis * 1_000_000L;
        while (requests.size() < n && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        return requests.size();
    }

    private void acceptLoop() {
        while (!server.isClosed()) {
            try {
                Socket s = server.accept();
                accepted.incrementAndGet();
                open.incrementAndGet();
                sockets.add(s);
                threads.execute(() -> serve(s));
            } catch (IOException e) {
                return;
            }
        }
    }

    private void serve(Socket s) {
        try {
            BufferedInputStream in = new BufferedInputStream(s.getInputStream());
            RawConnection c = new RawConnection(s, in);
            while (!s.isClosed()) {
                RawRequest r = RawRequest.read(in);
                if (r == null) {
                    break; // the caller closed the connection
                }
                requests.add(r);
                c.current = r;
                Script script;
                synchronized (scripts) {
                    script = scripts.pollFirst();
                }
                (script != null ? script : fallback).play(c);
                c.out().flush();
            }
        } catch (SocketException closed) {
            // reset or closed by either side
        } catch (IOException | InterruptedException | RuntimeException e) {
            // a test script that gave up; the connection goes
        } finally {
            open.decrementAndGet();
            sockets.remove(s);
            try {
                s.close();
            } catch (IOException ignored) {
                // gone
            }
        }
    }

    @Override
    public void close() {
        try {
            server.close();
        } catch (IOException ignored) {
            // closing
        }
        for (Socket s : sockets) {
            try {
                s.close();
            } catch (IOException ignored) {
                // closing
            }
        }
        threads.shutdownNow();
    }
}
