package dev.headroom.proxy.upstream;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * An upstream response body framed by length, by chunks or by the connection's end, read straight off the connection.
 * Read to its end and closed, it hands the connection back for reuse; closed before that (a client that left), it
 * closes the connection, which cancels the upstream call.
 */
final class FramedBody extends InputStream {

    private final InputStream in;
    private final Runnable reuse;
    private final Runnable discard;
    private final boolean chunked;
    private final boolean reusable;
    private long remaining;     // bytes left in the body (length framing) or the current chunk
    private boolean untilClose;
    private boolean done;
    private boolean closedStream;

    /**
     * {@code length} is the Content-Length, or -1 when chunked or read until the connection ends; {@code reuse}
     * hands the connection back, {@code discard} closes it.
     */
    FramedBody(InputStream in, long length, boolean chunked, boolean reusable, Runnable reuse, Runnable discard) {
        this.in = in;
        this.reuse = reuse;
        this.discard = discard;
        this.chunked = chunked;
        this.reusable = reusable;
        this.untilClose = length < 0 && !chunked;
        this.remaining = chunked ? 0 : length;
        this.done = length == 0 && !chunked;
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        int n = read(one, 0, 1);
        return n < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        if (done || closedStream) {
            return -1;
        }
        if (untilClose) {
            int n = in.read(b, off, len);
            if (n < 0) {
                done = true;
            }
            return n;
        }
        if (chunked && remaining == 0) {
            remaining = nextChunkSize();
            if (remaining == 0) {
                readTrailers();
                done = true;
                return -1;
            }
        }
        // hand over what is already buffered, blocking only when nothing is: relay latency stays minimal
        int want = (int) Math.min(len, remaining);
        int n = in.read(b, off, want);
        if (n < 0) {
            throw new EOFException("the upstream closed the connection mid-body");
        }
        remaining -= n;
        if (!chunked && remaining == 0) {
            done = true;
        }
        if (chunked && remaining == 0) {
            expectCrlf();
        }
        return n;
    }

    /**
     * A chunk-size line ({@code 1a3;ext=1\r\n}) read straight off the connection: SSE sends one chunk per event,
     * so a String per line was most of a stream's garbage.
     */
    private long nextChunkSize() throws IOException {
        long size = 0;
        int digits = 0;
        boolean ended = false;   // the hex digits ended (blank or extension follows)
        boolean extension = false;
        for (int count = 0; ; count++) {
            int b = in.read();
            if (b < 0) {
                throw new EOFException("the upstream closed the connection mid-stream");
            }
            if (b == '\n') {
                break;
            }
            if (count > 8192) {
                throw new IOException("chunk header too long");
            }
            if (extension || b == '\r') {
                continue;
            }
            int d = Character.digit(b, 16);
            if (b == ';') {
                extension = true;
            } else if (b == ' ' || b == '\t') {
                ended = digits > 0;
            } else if (d < 0 || ended || digits == 15) {
                throw new IOException("bad chunk size from upstream (byte " + b + ")");
            } else {
                size = size << 4 | d;
                digits++;
            }
        }
        if (digits == 0) {
            throw new IOException("bad chunk size from upstream: no digits");
        }
        return size;
    }

    private void expectCrlf() throws IOException {
        int b = in.read();
        if (b == '\r') {
            b = in.read();
        }
        if (b < 0) {
            throw new EOFException("the upstream closed the connection mid-stream");
        }
        if (b != '\n') {
            throw new IOException("bad chunk ending from upstream");
        }
    }

    private void readTrailers() throws IOException {
        while (!readLine().isEmpty()) {
            // trailers are dropped
        }
    }

    private String readLine() throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream(16);
        while (true) {
            int b = in.read();
            if (b < 0) {
                throw new EOFException("the upstream closed the connection mid-stream");
            }
            if (b == '\n') {
                String s = line.toString(StandardCharsets.ISO_8859_1);
                return s.endsWith("\r") ? s.substring(0, s.length() - 1) : s;
            }
            if (line.size() > 8192) {
                throw new IOException("chunk header too long");
            }
            line.write(b);
        }
    }

    @Override
    public void close() {
        if (closedStream) {
            return;
        }
        closedStream = true;
        if (done && reusable && !untilClose) {
            reuse.run();
        } else {
            discard.run(); // unread body (a client that left): closing cancels the upstream call
        }
    }
}
