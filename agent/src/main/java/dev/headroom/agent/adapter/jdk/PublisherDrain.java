package dev.headroom.agent.adapter.jdk;

import java.io.ByteArrayOutputStream;
import java.net.http.HttpRequest;
import java.nio.ByteBuffer;
import java.util.Set;
import java.util.concurrent.Flow;

/**
 * Reads a JDK body publisher, but only the JDK's in-memory ones: they hand each subscriber a fresh copy
 * synchronously (a pull publisher running on the calling thread), so reading leaves them reusable.
 * Anything else (files, input streams, custom publishers) might be one-shot or asynchronous: left alone.
 */
final class PublisherDrain implements Flow.Subscriber<ByteBuffer> {

    private static final Set<String> IN_MEMORY = Set.of(
            "jdk.internal.net.http.RequestPublishers$ByteArrayPublisher",
            "jdk.internal.net.http.RequestPublishers$StringPublisher");

    private final ByteArrayOutputStream out;
    private Flow.Subscription subscription;
    private boolean complete;
    private boolean failed;

    private PublisherDrain(long length) {
        out = new ByteArrayOutputStream((int) length);
    }

    /** The body, or null when it cannot be read synchronously in full. */
    static byte[] drain(HttpRequest.BodyPublisher publisher, long length) {
        if (!IN_MEMORY.contains(publisher.getClass().getName())) {
            return null;
        }
        PublisherDrain d = new PublisherDrain(length);
        publisher.subscribe(d);
        synchronized (d) {
            if (!d.complete || d.failed || d.out.size() != length) {
                if (d.subscription != null) {
                    d.subscription.cancel();
                }
                return null;
            }
            return d.out.toByteArray();
        }
    }

    @Override
    public synchronized void onSubscribe(Flow.Subscription s) {
        subscription = s;
        s.request(Long.MAX_VALUE);
    }

    @Override
    public synchronized void onNext(ByteBuffer item) {
        byte[] chunk = new byte[item.remaining()];
        item.get(chunk);
        out.write(chunk, 0, chunk.length);
    }

    @Override
    public synchronized void onError(Throwable throwable) {
        failed = true;
    }

    @Override
    public synchronized void onComplete() {
        complete = true;
    }
}
