package dev.headroom.proxy.plane;

import dev.headroom.engine.format.WireFormat;
import dev.headroom.proxy.budget.BudgetGate;
import dev.headroom.proxy.compress.CompressionStage;
import dev.headroom.dialects.Dialect;
import dev.headroom.dialects.Dialects;
import dev.headroom.proxy.record.ExchangeRecord;
import dev.headroom.proxy.record.ExchangeRecorder;
import dev.headroom.proxy.forward.StickyBetaHeaders;
import dev.headroom.proxy.retrieve.RetrieveAnswer;
import dev.headroom.proxy.upstream.Provider;
import dev.headroom.proxy.upstream.UpstreamFailure;
import dev.headroom.proxy.upstream.UpstreamRouter;
import dev.headroom.proxy.upstream.UpstreamTransport;
import io.javalin.http.Context;

import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The proxy's data plane, built in one place as an ordered chain of stages with one job each:
 * admission (budget) → limits → read body → compress → headers → upstream → respond (retrieve loop or relay).
 * Whatever a stage throws is answered here, once, by the house rule: before the client's first byte, a 4xx (the
 * client's fault) or 502/504 (the upstream's) in the provider's error shape; after it, the connection is aborted
 * (a stream has already ended with a well-formed error event). Nothing is invented: no status the upstream did not
 * send except these, never an empty 200.
 */
public final class DataPlane {

    /** What the plane needs from the proxy; {@code firstByteMillis} bounds the wait for an upstream's answer. */
    public record Parts(UpstreamTransport transport, UpstreamRouter router, CompressionStage compression,
                        BudgetGate budget, StickyBetaHeaders stickyBeta, RetrieveAnswer retrieve, long maxBodyBytes,
                        long inFlightBodyBytes, long firstByteMillis, boolean logMessages) {
    }

    private final List<Stage> stages;
    private final UpstreamRouter router;
    private final BodyBudget bodies;
    private final Consumer<ExchangeRecord> onDone;

    public DataPlane(Parts p, Consumer<ExchangeRecord> onDone) {
        this.router = p.router();
        this.bodies = new BodyBudget(p.inFlightBodyBytes());
        this.onDone = onDone;
        this.stages = List.of(
                new AdmissionStage(p.budget()),
                new LimitsStage(p.maxBodyBytes()),
                new ReadBodyStage(p.maxBodyBytes(), bodies),
                new CompressStage(p.compression(), p.logMessages()),
                new HeadersStage(p.stickyBeta()),
                new UpstreamStage(p.transport(), p.firstByteMillis()),
                new RespondStage(p.retrieve()));
    }

    /** Request-body bytes held by requests in flight (tests, /stats). */
    public long bodyBytesHeld() {
        return bodies.held();
    }

    public void handle(Context ctx) {
        ExchangeRecorder x = new ExchangeRecorder();
        Flight f = null;
        try {
            f = flight(ctx, x);
            new Chain(stages, 0).proceed(f);
        } catch (ClientFailure e) {
            fail(ctx, x, f, e.status, e.type, e.getMessage(), e);
        } catch (UpstreamFailure e) {
            fail(ctx, x, f, e.status(), e.status() == 504 ? "timeout_error" : "api_error",
                    "headroom: the upstream " + (f == null ? "" : f.target.uri().getHost() + " ") + "failed: "
                            + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            x.failed("interrupted");
            ClientAnswer.abort(ctx, e);
        } catch (Exception e) {
            fail(ctx, x, f, 502, "api_error", "headroom: the request could not be proxied: " + e, e);
        } finally {
            if (f != null) {
                if (f.watch != null) {
                    f.watch.close();
                    if (f.watch.gone()) {
                        x.clientGone();
                    }
                }
                bodies.release(f.reserved);
                f.body = f.send = f.plain = null;
            }
            onDone.accept(x.finish());
        }
    }

    private Flight flight(Context ctx, ExchangeRecorder x) {
        var req = ctx.req();
        String method = req.getMethod().toUpperCase(Locale.ROOT);
        String path = ctx.path();
        Map<String, String> headers = new HashMap<>();
        for (String name : Collections.list(req.getHeaderNames())) {
            headers.putIfAbsent(name.toLowerCase(Locale.ROOT), req.getHeader(name));
        }
        UpstreamRouter.Target target = router.route(path, req.getQueryString(), headers);
        x.route(method, path, target.provider().label());
        Dialect dialect = Dialects.forPath(path, target.provider() == Provider.ANTHROPIC);
        Dialect call = Dialects.modelCall(method, path);
        WireFormat format = call == null ? null : call.format();
        return new Flight(ctx, x, method, path, headers, target, dialect, format);
    }

    /** Answers a failure: an error in the provider's shape while nothing was sent, else an aborted connection. */
    private static void fail(Context ctx, ExchangeRecorder x, Flight f, int status, String type, String message, Throwable e) {
        x.failed(message);
        if (ClientAnswer.committed(ctx)) {
            ClientAnswer.abort(ctx, e);
            return;
        }
        x.status(status);
        Dialect dialect = f != null ? f.dialect
                : Dialects.forPath(ctx.path(), ctx.req().getHeader("x-api-key") != null);
        try {
            ClientAnswer.error(ctx, dialect, status, type, message);
        } catch (Exception gone) {
            x.clientGone();
        }
    }
}
