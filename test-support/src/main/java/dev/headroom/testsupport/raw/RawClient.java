package dev.headroom.testsupport.raw;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;

/**
 * A client on a raw socket: sends exactly the bytes given (bad chunks, odd targets) and reads exactly what comes
 * back, including whether the connection was ended cleanly or cut.
 */
public final class RawClient implements AutoCloseable {

    /** Everything that came back until the connection ended (or the wait ran out). */
    public record Answer(String text, boolean ended, boolean reset) {
        public int status() {
            String[] parts = text.split(" ", 3);
            return parts.length > 1 && text.startsWith("HTTP/") ? Integer.parseInt(parts[1]) : -1;
        }

        public String body() {
            int i = text.indexOf("\r\n\r\n");
            return i < 0 ? "" : text.substring(i + 4);
        }

        public String head() {
            int i = text.indexOf("\r\n\r\n");
            return i < 0 ? text : text.substring(0, i);
        }
    }

    private final Socket socket;

    public RawClient(int port) throws IOException {
        socket = new Socket("127.0.0.1", port);
        socket.setTcpNoDelay(true);
    }

    public RawClient send(String s) throws IOException {
        socket.getOutputStream().write(s.getBytes(StandardCharsets.UTF_8));
        socket.getOutputStream().flush();
        return this;
    }

    /** Reads until the other side ends the connection, a reset, or {@code millis} pass. */
    public Answer readAll(long millis) throws IOException {
        socket.setSoTimeout((int) millis);
        ByteArrayOutputStream got = new ByteArrayOutputStream();
        InputStream in = socket.getInputStream();
        byte[] buf = new byte[8192];
        boolean ended = false;
        boolean reset = false;
        try {
            int n;
            while ((n = in.read(buf)) >= 0) {
                got.write(buf, 0, n);
            }
            ended = true;
        } catch (SocketTimeoutException e) {
            // still open
        } catch (IOException e) {
            ended = true;
            reset = true;
        }
        return new Answer(got.toString(StandardCharsets.UTF_8), ended, reset);
    }

    /** Reads one response framed by Content-Length (for keep-alive exchanges), waiting up to {@code millis}. */
    public Answer readOne(long millis) throws IOException {
        socket.setSoTimeout((int) millis);
        InputStream in = socket.getInputStream();
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        while (!head.toString(StandardCharsets.ISO_8859_1).endsWith("\r\n\r\n")) {
            int c = in.read();
            if (c < 0) {
                return new Answer(head.toString(StandardCharsets.UTF_8), true, false);
            }
            head.write(c);
        }
        String h = head.toString(StandardCharsets.ISO_8859_1);
        int length = 0;
        for (String l : h.split("\r\n")) {
            if (l.toLowerCase(java.util.Locale.ROOT).startsWith("content-length:")) {
                length = Integer.parseInt(l.substring(15).trim());
            }
        }
        byte[] body = in.readNBytes(length);
        return new Answer(h + new String(body, StandardCharsets.UTF_8), false, false);
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
