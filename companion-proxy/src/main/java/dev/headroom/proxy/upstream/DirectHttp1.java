package dev.headroom.proxy.upstream;

import javax.net.ssl.SSLSession;
import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;

/**
 * Blocking HTTP/1.1 over plain sockets for {@code http://} upstreams reached without an outbound proxy (local
 * gateways, LiteLLM, test fakes). The request thread does the whole exchange, so a relayed byte crosses no
 * thread hand-offs: on a busy machine each hand-off of the JDK client can wait milliseconds for a CPU. Keep-alive
 * connections are pooled per host; a pooled connection that turns out closed before any response byte is
 * replaced once.
 */
public final class DirectHttp1 implements AutoCloseable {

    private static final int CONNECT_TIMEOUT_MS = 10_000;
    private static final int READ_TIMEOUT_MS = 600_000;
    private static final int MAX_HEADER_BYTES = 256 * 1024;
    private static final int MAX_IDLE_PER_HOST = 256;
    /** Request bodies up to this size are sent in the same write as the head. */
    private static final int JOIN_MAX = 64 * 1024;

    private final Map<String, ConcurrentLinkedDeque<Conn>> idle = new ConcurrentHashMap<>();
    private volatile boolean closed;

    private static final class Conn {
        final Socket socket;
        final BufferedInputStream in;
        final OutputStream out;

        Conn(Socket socket) throws IOException {
            this.socket = socket;
            // Held for the connection's life, i.e. by every open stream: SSE events are small, and larger reads
            // bypass this buffer anyway. Writes need none: a request goes out in one or two writes (see exchange).
            this.in = new BufferedInputStream(socket.getInputStream(), 4 * 1024);
            this.out = socket.getOutputStream();
        }

        void close() {
            try {
                socket.close();
            } catch (IOException ignored) {
                // already gone
            }
        }
    }

    public HttpResponse<InputStream> send(HttpRequest request, byte[] body) throws IOException {
        URI uri = request.uri();
        String key = uri.getHost() + ":" + port(uri);
        Conn pooled = poll(key);
        if (pooled != null) {
            try {
                return exchange(pooled, key, request, body, true);
            } catch (StaleConnection stale) {
                pooled.close(); // the server had closed it while idle: nothing was received, so ask again once
            }
        }
        Socket s = new Socket();
        s.setTcpNoDelay(true);
        s.connect(new InetSocketAddress(uri.getHost(), port(uri)), CONNECT_TIMEOUT_MS);
        s.setSoTimeout(READ_TIMEOUT_MS);
        return exchange(new Conn(s), key, request, body, false);
    }

    private Conn poll(String key) {
        ConcurrentLinkedDeque<Conn> q = idle.get(key);
        Conn c;
        while (q != null && (c = q.pollFirst()) != null) {
            if (!c.socket.isClosed()) {
                return c;
            }
        }
        return null;
    }

    private void release(String key, Conn c) {
        ConcurrentLinkedDeque<Conn> q = idle.computeIfAbsent(key, k -> new ConcurrentLinkedDeque<>());
        if (closed || q.size() >= MAX_IDLE_PER_HOST) {
            c.close();
        } else {
            q.addFirst(c);
        }
    }

    private static int port(URI uri) {
        return uri.getPort() > 0 ? uri.getPort() : 80;
    }

    /** Thrown when a reused connection yields nothing at all (closed while idle). */
    private static final class StaleConnection extends IOException {
        StaleConnection(Throwable cause) {
            super(cause);
        }
    }

    private HttpResponse<InputStream> exchange(Conn c, String key, HttpRequest request, byte[] body, boolean reused)
            throws IOException {
        String method = request.method();
        URI uri = request.uri();
        StringBuilder head = new StringBuilder(512);
        String target = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
        if (uri.getRawQuery() != null) {
            target += "?" + uri.getRawQuery();
        }
        head.append(method).append(' ').append(target).append(" HTTP/1.1\r\n");
        head.append("Host: ").append(uri.getHost()).append(uri.getPort() > 0 ? ":" + uri.getPort() : "").append("\r\n");
        request.headers().map().forEach((name, values) -> {
            for (String v : values) {
                head.append(name).append(": ").append(v).append("\r\n");
            }
        });
        boolean sendsBody = body.length > 0 || method.equals("POST") || method.equals("PUT") || method.equals("PATCH");
        if (sendsBody) {
            head.append("Content-Length: ").append(body.length).append("\r\n");
        }
        head.append("\r\n");
        try {
            byte[] headBytes = head.toString().getBytes(StandardCharsets.ISO_8859_1);
            if (sendsBody && body.length <= JOIN_MAX) {
                // one write, so one segment for an ordinary request (two writes could be two with TCP_NODELAY)
                byte[] joined = Arrays.copyOf(headBytes, headBytes.length + body.length);
                System.arraycopy(body, 0, joined, headBytes.length, body.length);
                c.out.write(joined);
            } else {
                c.out.write(headBytes);
                if (sendsBody) {
                    c.out.write(body);
                }
            }
            c.out.flush();
        } catch (IOException e) {
            if (reused) {
                throw new StaleConnection(e);
            }
            c.close();
            throw e;
        }
        try {
            while (true) {
                Head h;
                try {
                    h = readHead(c.in, reused);
                } catch (StaleConnection | EOFException e) {
                    c.close();
                    throw e;
                }
                if (h.status >= 100 && h.status < 200 && h.status != 101) {
                    reused = false;
                    continue; // 100 Continue and friends
                }
                return response(c, key, request, h);
            }
        } catch (IOException e) {
            c.close();
            throw e;
        }
    }

    private record Head(int status, Map<String, List<String>> headers) {
        String first(String name) {
            for (Map.Entry<String, List<String>> e : headers.entrySet()) {
                if (e.getKey().equalsIgnoreCase(name) && !e.getValue().isEmpty()) {
                    return e.getValue().get(0);
                }
            }
            return null;
        }
    }

    private static Head readHead(BufferedInputStream in, boolean reused) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream(128);
        List<String> lines = new ArrayList<>();
        int total = 0;
        while (true) {
            int b = in.read();
            if (b < 0) {
                if (total == 0 && reused) {
                    throw new StaleConnection(new EOFException("closed while idle"));
                }
                throw new EOFException("the upstream closed the connection before its response headers ended");
            }
            if (++total > MAX_HEADER_BYTES) {
                throw new IOException("the upstream's response headers exceed " + MAX_HEADER_BYTES + " bytes");
            }
            if (b == '\n') {
                String l = line.toString(StandardCharsets.ISO_8859_1);
                if (l.endsWith("\r")) {
                    l = l.substring(0, l.length() - 1);
                }
                line.reset();
                if (l.isEmpty()) {
                    if (lines.isEmpty()) {
                        continue;
                    }
                    break;
                }
                lines.add(l);
            } else {
                line.write(b);
            }
        }
        String[] status = lines.get(0).split(" ", 3);
        if (status.length < 2 || !status[0].startsWith("HTTP/")) {
            throw new IOException("not an HTTP response: " + lines.get(0));
        }
        Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        for (int i = 1; i < lines.size(); i++) {
            String l = lines.get(i);
            int colon = l.indexOf(':');
            if (colon > 0) {
                headers.computeIfAbsent(l.substring(0, colon).trim(), k -> new ArrayList<>()).add(l.substring(colon + 1).trim());
            }
        }
        return new Head(Integer.parseInt(status[1].trim()), headers);
    }

    private HttpResponse<InputStream> response(Conn c, String key, HttpRequest request, Head h) {
        String te = h.first("Transfer-Encoding");
        String cl = h.first("Content-Length");
        String connection = h.first("Connection");
        boolean keepAlive = connection == null || !connection.toLowerCase(Locale.ROOT).contains("close");
        InputStream body;
        if (request.method().equals("HEAD") || h.status == 204 || h.status == 304) {
            body = framed(c, key, 0, false, keepAlive);
        } else if (te != null && te.toLowerCase(Locale.ROOT).contains("chunked")) {
            body = framed(c, key, -1, true, keepAlive);
        } else if (cl != null) {
            body = framed(c, key, Long.parseLong(cl.trim()), false, keepAlive);
        } else {
            body = framed(c, key, -1, false, false); // until the server closes
        }
        HttpHeaders headers = HttpHeaders.of(h.headers, (a, b) -> true);
        return new Response(h.status, headers, body, request);
    }

    private FramedBody framed(Conn c, String key, long length, boolean chunked, boolean reusable) {
        return new FramedBody(c.in, length, chunked, reusable, () -> release(key, c), c::close);
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
                c.close();
            }
        });
    }
}
