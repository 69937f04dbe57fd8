package dev.headroom.testsupport.raw;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/** One upstream connection as a {@link RawUpstream.Script} sees it: the request just read, and raw output. */
public final class RawConnection {

    private final Socket socket;
    private final InputStream in;
    RawRequest current;

    RawConnection(Socket socket, InputStream in) {
        this.socket = socket;
        this.in = in;
    }

    /** The request being answered. */
    public RawRequest request() {
        return current;
    }

    public OutputStream out() throws IOException {
        return socket.getOutputStream();
    }

    /** Writes these bytes (ISO-8859-1 for the head, UTF-8 is the caller's business) and flushes. */
    public RawConnection write(String s) throws IOException {
        return write(s.getBytes(StandardCharsets.UTF_8));
    }

    public RawConnection write(byte[] b) throws IOException {
        OutputStream out = socket.getOutputStream();
        out.write(b);
        out.flush();
        return this;
    }

    /** Waits, as a slow upstream does. */
    public RawConnection pause(long millis) throws InterruptedException {
        Thread.sleep(millis);
        return this;
    }

    /** Says nothing until the other side closes the connection (or {@code millis} pass). */
    public void silence(long millis) throws IOException {
        socket.setSoTimeout((int) Math.max(1, millis));
        try {
            while (in.read() >= 0) {
                // swallow whatever comes; EOF ends the wait
            }
        } catch (java.net.SocketTimeoutException e) {
            // time is up
        }
        close();
    }

    /** Ends the connection cleanly (FIN). */
    public void close() throws IOException {
        socket.close();
    }

    /** Ends the connection with a reset (RST): SO_LINGER 0, then close. */
    public void reset() throws IOException {
        socket.setSoLinger(true, 0);
        socket.close();
    }
}
