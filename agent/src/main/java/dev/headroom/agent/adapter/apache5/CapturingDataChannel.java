package dev.headroom.agent.adapter.apache5;

import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.nio.AsyncEntityProducer;
import org.apache.hc.core5.http.nio.DataStreamChannel;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.List;

/** A data channel that accepts everything, used to read an in-memory async entity producer. */
final class CapturingDataChannel implements DataStreamChannel {

    private static final int MAX_ROUNDS = 10_000;

    private final ByteArrayOutputStream out;
    private boolean ended;

    private CapturingDataChannel(long length) {
        out = new ByteArrayOutputStream((int) length);
    }

    /** The producer's bytes, or null when it does not finish synchronously with exactly {@code length} bytes. */
    static byte[] drain(AsyncEntityProducer producer, long length) throws IOException {
        CapturingDataChannel channel = new CapturingDataChannel(length);
        for (int round = 0; round < MAX_ROUNDS && !channel.ended; round++) {
            producer.produce(channel);
        }
        producer.releaseResources();
        return channel.ended && channel.out.size() == length ? channel.out.toByteArray() : null;
    }

    @Override
    public void requestOutput() {
    }

    @Override
    public int write(ByteBuffer src) {
        int n = src.remaining();
        byte[] chunk = new byte[n];
        src.get(chunk);
        out.write(chunk, 0, n);
        return n;
    }

    @Override
    public void endStream() {
        ended = true;
    }

    @Override
    public void endStream(List<? extends Header> trailers) {
        ended = true;
    }
}
