package dev.headroom.proxy.plane;

import dev.headroom.proxy.upstream.UpstreamTransport;

import java.io.IOException;
import java.net.http.HttpRequest;

/**
 * The upstream call: sent once (a resend only as {@code RetryPolicy} allows), bound by the first-byte deadline, and
 * aborted when the client leaves ({@link ClientWatch}). Its failures propagate to {@link DataPlane}, which answers
 * them (502/504 in the provider's shape).
 */
final class UpstreamStage implements Stage {

    private final UpstreamTransport transport;
    private final long firstByteMillis;

    UpstreamStage(UpstreamTransport transport, long firstByteMillis) {
        this.transport = transport;
        this.firstByteMillis = firstByteMillis;
    }

    @Override
    public void run(Flight f, Chain next) throws IOException, InterruptedException {
        f.upstream.method(f.method, f.hasRequestBody() ? HttpRequest.BodyPublishers.ofByteArray(f.send)
                : HttpRequest.BodyPublishers.noBody());
        f.call = new UpstreamCall(transport, f.upstream, f.target, f.dialect, f.x, firstByteMillis, f.watch = new ClientWatch(f.ctx));
        f.x.overheadEnds();
        f.response = f.call.send(f.send);
        next.proceed(f);
    }
}
