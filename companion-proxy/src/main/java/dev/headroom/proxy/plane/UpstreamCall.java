package dev.headroom.proxy.plane;

import dev.headroom.dialects.Dialect;
import dev.headroom.dialects.Dialects;
import dev.headroom.proxy.record.ExchangeRecorder;
import dev.headroom.proxy.forward.Relay;
import dev.headroom.proxy.upstream.UpstreamFailure;
import dev.headroom.proxy.upstream.UpstreamRouter;
import dev.headroom.proxy.upstream.UpstreamTransport;

import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/**
 * One prepared upstream call: the retrieve loop sends it again with a new body for each round. Every send is
 * bound by the first-byte deadline and registered with the client watch, so a client that leaves aborts it.
 */
public final class UpstreamCall {

    private final UpstreamTransport transport;
    private final HttpRequest.Builder builder;
    private final UpstreamRouter.Target target;
    private final Dialect dialect;
    private final ExchangeRecorder exchange;
    private final long firstByteMillis;
    private final ClientWatch watch;

    UpstreamCall(UpstreamTransport transport, HttpRequest.Builder builder, UpstreamRouter.Target target,
                 Dialect dialect, ExchangeRecorder exchange, long firstByteMillis, ClientWatch watch) {
        this.transport = transport;
        this.builder = builder;
        this.target = target;
        this.dialect = dialect;
        this.exchange = exchange;
        this.firstByteMillis = firstByteMillis;
        this.watch = watch;
    }

    public HttpResponse<InputStream> send(byte[] body) throws UpstreamFailure, InterruptedException {
        String method = exchange.method();
        boolean bodyless = body.length == 0 && (method.equals("GET") || method.equals("HEAD")
                || method.equals("DELETE") || method.equals("OPTIONS"));
        HttpRequest r = builder.copy().method(method, bodyless ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofByteArray(body)).build();
        HttpResponse<InputStream> response = transport.send(r, body, firstByteMillis, watch::onCancel);
        // The token figures were counted while the upstream worked. A non-streaming reply carries them in its
        // x-headroom-tokens-* headers, so they are settled now; a stream's first bytes must not wait for them:
        // they are settled when the exchange ends, for the stats and the log.
        if (!Relay.isEventStream(response)) {
            exchange.settleFigures();
        }
        return response;
    }

    public Dialect dialect() {
        return dialect;
    }

    public URI uri() {
        return target.uri();
    }
}
