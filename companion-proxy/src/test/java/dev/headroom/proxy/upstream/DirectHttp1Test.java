package dev.headroom.proxy.upstream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiConsumer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The socket-level client against a scripted raw server: framing, keep-alive, stale connections. */
class DirectHttp1Test {

    /** A server that reads one request head (and its Content-Length body) per turn and runs a script on it. */
    static final class RawServer implements AutoCloseable {
        final ServerSocket server;
        final AtomicInteger connections = new AtomicInteger();
        final List<String> requestLines = new CopyOnWriteArrayList<>();

        RawServer(BiConsumer<Integer, OutputStream> script, boolean closeAfterEach) throws IOException {
            server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
            Thread.ofPlatform().daemon().start(() -> {
                int n = 0;
                while (!server.isClosed()) {
                    try {
                        Socket s = server.accept();
                        connections.incrementAndGet();
                        BufferedReader in = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.ISO_8859_1));
                        OutputStream out = s.getOutputStream();
                        while (true) {
                            String first = in.readLine();
                            if (first == null) {
                                break;
                            }
                            requestLines.add(first);
                            int length = 0;
                            for (String l = in.readLine(); l != null && !l.isEmpty(); l = in.readLine()) {
                                if (l.toLowerCase().startsWith("content-length:")) {
                                    length = Integer.parseInt(l.substring(15).trim());
                                }
                            }
                            in.skip(length);
                            script.accept(n++, out);
                            out.flush();
                            if (closeAfterEach) {
                                break;
                            }
                        }
                        s.close();
                    } catch (IOException e) {
                        return;
                    }
                }
            });
        }

        URI uri(String path) {
            return URI.create("http://127.0.0.1:" + server.getLocalPort() + path);
        }

        @Override
        public void close() throws IOException {
            server.close();
        }
    }

    final DirectHttp1 client = new DirectHttp1();

    @AfterEach
    void close() {
        client.close();
    }

    static void write(OutputStream out, String s) {
        try {
            out.write(s.getBytes(StandardCharsets.ISO_8859_1));
        } catch (IOException e) {
            throw new RuntimeException(e);
        }
    }

    static String body(HttpResponse<InputStream> r) throws IOException {
        try (InputStream in = r.body()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    HttpRequest post(URI uri) {
        return HttpRequest.newBuilder(uri).POST(HttpRequest.BodyPublishers.noBody()).header("x-api-key", "k").build();
    }

    @Test
    void chunkedAndLengthBodiesReuseOneConnection() throws Exception {
        try (RawServer s = new RawServer((n, out) -> {
            if (n % 2 == 0) {
                write(out, "HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\nTransfer-Encoding: chunked\r\n\r\n"
                        + "6;ext=1\r\nevent:\r\n3\r\n a\n\r\n0\r\nX-Trailer: t\r\n\r\n");
            } else {
                write(out, "HTTP/1.1 429 Too Many Requests\r\nContent-Length: 5\r\nRetry-After: 3\r\n\r\nslow!");
            }
        }, false)) {
            for (int i = 0; i < 3; i++) {
                HttpResponse<InputStream> a = client.send(post(s.uri("/v1/messages?beta=true")), "{}".getBytes(), 600_000, cancel -> { });
                assertEquals(200, a.statusCode());
                assertEquals("event: a\n", body(a));
                HttpResponse<InputStream> b = client.send(post(s.uri("/v1/messages")), "{}".getBytes(), 600_000, cancel -> { });
                assertEquals(429, b.statusCode());
                assertEquals("3", b.headers().firstValue("retry-after").orElseThrow());
                assertEquals("slow!", body(b));
            }
            assertEquals(1, s.connections.get(), "keep-alive");
            assertEquals("POST /v1/messages?beta=true HTTP/1.1", s.requestLines.get(0));
        }
    }

    @Test
    void aConnectionClosedWhileIdleIsReplacedOnce() throws Exception {
        try (RawServer s = new RawServer((n, out) -> write(out, "HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok"), true)) {
            for (int i = 0; i < 3; i++) {
                assertEquals("ok", body(client.send(post(s.uri("/x")), new byte[0], 600_000, cancel -> { })));
                Thread.sleep(50); // let the server's close arrive
            }
            assertEquals(3, s.connections.get());
            assertEquals(3, s.requestLines.size(), "each request reached the server exactly once");
        }
    }

    @Test
    void aBodyCutShortIsAnErrorAndABodyUntilCloseIsRead() throws Exception {
        try (RawServer s = new RawServer((n, out) -> write(out, n == 0
                ? "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nab" : "HTTP/1.1 200 OK\r\n\r\nuntil close"), true)) {
            HttpResponse<InputStream> cut = client.send(post(s.uri("/x")), new byte[0], 600_000, cancel -> { });
            assertThrows(IOException.class, () -> body(cut));
            assertEquals("until close", body(client.send(post(s.uri("/x")), new byte[0], 600_000, cancel -> { })));
        }
    }
    @Test
    void chunkSizesAreHexInEitherCaseWithBlanksAndExtensions() throws Exception {
        String x26 = "abcdefghijklmnopqrstuvwxyz";
        try (RawServer s = new RawServer((n, out) -> write(out, "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n"
                + "1A\r\n" + x26 + "\r\n" + " 1a \r\n" + x26 + "\r\n" + "001a;name=\"v 1\"\r\n" + x26 + "\n"
                + "0\r\n\r\n"), false)) {
            assertEquals(x26.repeat(3), body(client.send(post(s.uri("/x")), new byte[0], 600_000, cancel -> { })));
            assertEquals(x26.repeat(3), body(client.send(post(s.uri("/x")), new byte[0], 600_000, cancel -> { })), "the connection was reusable");
            assertEquals(1, s.connections.get());
        }
    }

    @Test
    void aBadChunkSizeOrEndingIsAnError() throws Exception {
        for (String chunks : List.of("zz\r\nab\r\n0\r\n\r\n", "1 2\r\nab\r\n", "\r\nab\r\n", ";x\r\nab\r\n",
                "10000000000000000\r\n", "2\r\nabX\r\n0\r\n\r\n")) {
            try (RawServer s = new RawServer((n, out) -> write(out, "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n"
                    + chunks), true)) {
                HttpResponse<InputStream> r = client.send(post(s.uri("/x")), new byte[0], 600_000, cancel -> { });
                assertThrows(IOException.class, () -> body(r), chunks);
            }
        }
    }
}
