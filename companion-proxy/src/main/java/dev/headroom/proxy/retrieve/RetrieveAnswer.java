package dev.headroom.proxy.retrieve;

import dev.headroom.dialects.Dialect;
import dev.headroom.dialects.retrieve.RetrieveRounds;
import dev.headroom.dialects.retrieve.RoundsReport;
import dev.headroom.dialects.retrieve.UpstreamReply;
import dev.headroom.engine.ccr.RetrievalStore;
import dev.headroom.proxy.record.ExchangeRecorder;
import dev.headroom.proxy.plane.UpstreamCall;
import io.javalin.http.Context;

import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.util.Map;

/**
 * The proxy's use of the dialects' one retrieve loop ({@link RetrieveRounds}): the upstream call is the proxy's
 * own (deadlines, cancel, retry policy), the client is the Jetty response, and what the loop did goes into the
 * exchange's record. Used only for requests whose forwarded body carries the injected {@code headroom_retrieve}.
 */
public final class RetrieveAnswer {

    private final RetrieveRounds rounds;

    public RetrieveAnswer(RetrievalStore store, int maxRounds) {
        this.rounds = new RetrieveRounds(store, maxRounds);
    }

    /** True when the loop answers this reply (a 200 of JSON or events); else the caller relays it as it is. */
    public static boolean applies(HttpResponse<InputStream> first) {
        return RetrieveRounds.applies(reply(first));
    }

    /** @throws IOException a JSON exchange's upstream failure, nothing sent yet (the data plane answers 502/504) */
    public void answer(Context ctx, ExchangeRecorder x, Dialect dialect, UpstreamCall call, byte[] request,
                       HttpResponse<InputStream> first, Map<String, String> extra) throws IOException {
        RoundsReport report = new RoundsReport();
        try {
            rounds.run(dialect, body -> {
                try {
                    return reply(call.send(body));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new java.io.InterruptedIOException("interrupted");
                }
            }, request, reply(first), new ResponseSink(ctx, extra), report);
        } finally {
            x.usage(u -> u.add(report.usage));
            x.retrieval(report.rounds, report.resolved, report.missed);
            if (report.status != 0) {
                x.status(report.status);
            }
            if (report.firstByteNanos >= 0) {
                x.firstByteAt(report.firstByteNanos);
            }
            if (report.error != null) {
                x.failed(report.error);
            }
            if (report.clientGone) {
                x.clientGone();
            }
        }
    }

    static UpstreamReply reply(HttpResponse<InputStream> r) {
        return new UpstreamReply(r.statusCode(), r.headers().map(), r.body());
    }
}
