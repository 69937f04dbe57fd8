package dev.headroom.proxy.upstream;

import javax.net.ssl.SSLSession;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.function.Consumer;

/**
 * Blocking HTTP/1.1 over plain sockets for {@code http://} upstreams reached without an outbound proxy (local
 * gateways, LiteLLM, test fakes). The request thread does the whole exchange, so a relayed byte crosses no
 * thread hand-offs. Kept over Apache HttpClient 5 classic by the A/B in {@code benchmarks/proxy-client-ab.md}: as
 * fast or faster on the proxy-overhead bench (lower p50 at a fixed rate, saturation tied), and the library as
 * configured broke 5 of the strict framing rules below, which it would have needed hand-written layers to hold.
 *
 * <p>Framing is strict ({@link ResponseHead}): an ambiguous or broken response is an {@link UpstreamFailure} and its
 * connection is closed. A connection goes back to the pool only after a clean end of its body with nothing left
 * over; before a pooled connection is written to, it is checked for buffered leftover bytes and, when it has been
 * idle, a non-blocking read looks for a close, so a request is not written into a connection the upstream already
 * gave up (the one that closes between that look and the write gets a 502: {@link RetryPolicy} never resends after
 * a silent close).
 */
public final class DirectHttp1 implements AutoCloseable {

    private static final int CONNECT_TIMEOUT_MS = 10_000;
    /** Between two reads of a body that has started (a stream the model is thinking in). */
    private static final int READ_TIMEOUT_MS = 600_000;
    private static final int MAX_IDLE = 512;
    /**
     * Connections idle at least this long are looked at (a non-blocking read) before reuse. One handed back a moment
     * ago is not: under load that look was 2 % of the proxy's CPU, and a server that means to close right after an
     * answer says so ({@code Connection: close}); the ones that close idle connections do it after seconds.
     */
    private static final long PROBE_AFTER_NANOS = 10_000_000L;
    /** Connections idle longer than this are not reused at all (servers' keep-alive limits are shorter). */
    private static final long DISCARD_AFTER_NANOS = 50_000_000_000L;
    /** Request bodies up to this size are sent in the same write as the head. */
    private static final int JOIN_MAX = 64 * 1024;

    private final Map<String, ConcurrentLinkedDeque<Conn>> idle = new ConcurrentHashMap<>();
    /** Idle connections pooled, all hosts (a deque's size() walks it: 1.4 % of the proxy's CPU under load). */
    private final java.util.concurrent.atomic.AtomicInteger pooled = new java.util.concurrent.atomic.AtomicInteger();
    private volatile boolean closed;

    static final class Conn {
        final Socket socket;
        final BufferedInputStream in;
        final OutputStream out;
        long idleSince;

        Conn(Socket socket) throws IOException {
            this.socket = socket;
            // Held for the connection's life, i.e. by every open stream: SSE events are small, and larger reads
            // bypass this buffer anyway. Writes need none: a request goes out in one or two writes.
            this.in = new BufferedInputStream(socket.getInputStream(), 4 * 1024);
            this.out = socket.getOutputStream();
        }

        /** Nothing buffered or waiting on the socket: the last response ended exactly where it said. */
        boolean clean() {
            try {
                return in.available() == 0;
            } catch (IOException e) {
                return false;
            }
        }

        /**
         * A non-blocking read of one byte, a few microseconds: alive when nothing is there; done when the upstream
         * closed it (EOF, reset) or sent bytes nobody asked for (they would be read as the next answer).
         */
        boolean alive() {
            SocketChannel ch = socket.getChannel();
            try {
                ch.configureBlocking(false);
                int n = ch.read(ByteBuffer.allocate(1));
                ch.configureBlocking(true);
                return n == 0;
            } catch (IOException | RuntimeException e) {
                return false;
            }
        }

        void close() {
            try {
                socket.close();
            } catch (IOException ignored) {
                // already gone
            }
        }
    }

    /**
     * Sends {@code request} with {@code body}; the response head must start within {@code firstByteMillis}.
     * {@code onCancel} receives the action that aborts the exchange (closes its connection), for a client that leaves.
     */
    public HttpResponse<InputStream> send(HttpRequest request, byte[] body, long firstByteMillis,
                                          Consumer<Runnable> onCancel) throws IOException {
        URI uri = request.uri();
        String key = uri.getHost() + ":" + port(uri);
        Conn c = poll(key);
        if (c == null) {
            c = connect(uri);
        }
        Conn conn = c;
        onCancel.accept(conn::close);
        return exchange(conn, key, request, body, firstByteMillis);
    }

    private static Conn connect(URI uri) throws UpstreamFailure {
        Socket s = null;
        try {
            // a channel's socket: blocking streams for the exchange, and a non-blocking look before reuse
            s = SocketChannel.open().socket();
            s.setTcpNoDelay(true);
            s.connect(new InetSocketAddress(uri.getHost(), port(uri)), CONNECT_TIMEOUT_MS);
            return new Conn(s);
        } catch (IOException e) {
            try {
                if (s != null) {
                    s.close();
                }
            } catch (IOException ignored) {
                // never opened
            }
            // nothing was written: the one failure RetryPolicy lets a request be sent again after
            throw new UpstreamFailure(UpstreamFailure.Kind.UNREACHABLE, "cannot connect: " + e.getMessage(), true, e);
        }
    }

    private Conn poll(String key) {
        ConcurrentLinkedDeque<Conn> q = idle.get(key);
        Conn c;
        while (q != null && (c = q.pollFirst()) != null) {
            pooled.decrementAndGet();
            long idleFor = System.nanoTime() - c.idleSince;
            if (c.socket.isClosed() || !c.clean() || idleFor > DISCARD_AFTER_NANOS
                    || (idleFor >= PROBE_AFTER_NANOS && !c.alive())) {
                c.close();
                continue;
            }
            return c;
        }
        return null;
    }

    private void release(String key, Conn c) {
        ConcurrentLinkedDeque<Conn> q = idle.computeIfAbsent(key, k -> new ConcurrentLinkedDeque<>());
        if (closed || pooled.get() >= MAX_IDLE || !c.clean()) {
            c.close();
        } else {
            c.idleSince = System.nanoTime();
            pooled.incrementAndGet();
            q.addFirst(c);
        }
    }

    private static int port(URI uri) {
        return uri.getPort() > 0 ? uri.getPort() : 80;
    }

    private HttpResponse<InputStream> exchange(Conn c, String key, HttpRequest request, byte[] body,
                                               long firstByteMillis) throws IOException {
        String method = request.method();
        boolean sendsBody = body.length > 0 || method.equals("POST") || method.equals("PUT") || method.equals("PATCH");
        byte[] head = head(request, sendsBody ? body.length : -1);
        try {
            c.socket.setSoTimeout((int) Math.min(Integer.MAX_VALUE, Math.max(1, firstByteMillis)));
            if (sendsBody && body.length <= JOIN_MAX) {
                // one write, so one segment for an ordinary request (two writes could be two with TCP_NODELAY)
                byte[] joined = Arrays.copyOf(head, head.length + body.length);
                System.arraycopy(body, 0, joined, head.length, body.length);
                c.out.write(joined);
            } else {
                c.out.write(head);
                if (sendsBody) {
                    c.out.write(body);
                }
            }
            c.out.flush();
        } catch (IOException e) {
            c.close();
            // some bytes may have gone out before the error: never provably unsent
            throw new UpstreamFailure(UpstreamFailure.Kind.UNREACHABLE, "sending the request failed: " + e.getMessage(),
                    false, e);
        }
        try {
            ResponseHead h = ResponseHead.read(c.in);
            while (h.status() >= 100 && h.status() < 200) {
                if (h.status() == 101) {
                    throw UpstreamFailure.protocol("101 Switching Protocols to a " + method + " that asked for no upgrade");
                }
                h = ResponseHead.read(c.in); // 100 Continue, 102, 103: the real answer follows
            }
            c.socket.setSoTimeout(READ_TIMEOUT_MS);
            return response(c, key, request, h);
        } catch (SocketTimeoutException e) {
            c.close();
            throw new UpstreamFailure(UpstreamFailure.Kind.TIMEOUT, "no response within the first-byte deadline of "
                    + firstByteMillis + " ms", false, e);
        } catch (UpstreamFailure e) {
            c.close();
            throw e;
        } catch (IOException e) {
            c.close();
            throw new UpstreamFailure(UpstreamFailure.Kind.UNREACHABLE, "reading the response failed: " + e.getMessage(),
                    false, e);
        }
    }

    private static byte[] head(HttpRequest request, long contentLength) {
        URI uri = request.uri();
        StringBuilder head = new StringBuilder(512);
        String target = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
        if (uri.getRawQuery() != null) {
            target += "?" + uri.getRawQuery();
        }
        head.append(request.method()).append(' ').append(target).append(" HTTP/1.1\r\n");
        head.append("Host: ").append(uri.getHost()).append(uri.getPort() > 0 ? ":" + uri.getPort() : "").append("\r\n");
        request.headers().map().forEach((name, values) -> {
            for (String v : values) {
                head.append(name).append(": ").append(v).append("\r\n");
            }
        });
        if (contentLength >= 0) {
            head.append("Content-Length: ").append(contentLength).append("\r\n");
        }
        head.append("\r\n");
        return head.toString().getBytes(StandardCharsets.ISO_8859_1);
    }

    private HttpResponse<InputStream> response(Conn c, String key, HttpRequest request, ResponseHead h)
            throws UpstreamFailure {
        ResponseHead.Framing framing = h.framing(request.method());
        boolean reusable = h.keepAlive() && framing != ResponseHead.Framing.UNTIL_CLOSE;
        long length = framing == ResponseHead.Framing.LENGTH ? h.contentLength() : framing == ResponseHead.Framing.NONE ? 0 : -1;
        InputStream body = new FramedBody(c.in, length, framing == ResponseHead.Framing.CHUNKED, reusable,
                () -> release(key, c), c::close);
        if (framing == ResponseHead.Framing.NONE) {
            // nothing to read: hand the connection back (or close it, when the upstream sent more than a head)
            try {
                body.close();
            } catch (IOException ignored) {
                // FramedBody.close does not throw
            }
        }
        return new Response(h.status(), HttpHeaders.of(h.headers(), (a, b) -> true), body, request);
    }

    /** The {@link HttpResponse} view the relay and the retrieve loops already read. */
    private record Response(int statusCode, HttpHeaders headers, InputStream body, HttpRequest request)
            implements HttpResponse<InputStream> {
        @Override
        public Optional<HttpResponse<InputStream>> previousResponse() {
            return Optional.empty();
        }

        @Override
        public Optional<SSLSession> sslSession() {
            return Optional.empty();
        }

        @Override
        public URI uri() {
            return request.uri();
        }

        @Override
        public HttpClient.Version version() {
            return HttpClient.Version.HTTP_1_1;
        }
    }

    @Override
    public void close() {
        closed = true;
        idle.values().forEach(q -> {
            Conn c;
            while ((c = q.pollFirst()) != null) {
                pooled.decrementAndGet();
                c.close();
            }
        });
    }
}
