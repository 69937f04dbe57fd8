package dev.headroom.proxy.forward;

import dev.headroom.engine.format.WireFormat;
import dev.headroom.proxy.compress.CompressionStage;
import dev.headroom.proxy.upstream.Provider;
import dev.headroom.proxy.upstream.UpstreamRouter;
import dev.headroom.proxy.upstream.UpstreamTransport;
import io.javalin.http.Context;
import jakarta.servlet.http.HttpServletRequest;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The data plane: reads the client's request, compresses it when the route and headers allow, sends it upstream,
 * and hands the upstream response to the {@link Relay} (or, when the proxy injected {@code headroom_retrieve},
 * to the retrieve loop). The client's status line is written only once the upstream status is known.
 */
public final class Forwarder {

    /** Answers one request whose upstream call carries an injected headroom_retrieve tool, or returns false. */
    public interface RetrieveInterceptor {
        boolean handle(Context ctx, Exchange x, UpstreamCall call, CompressionStage.Outcome outcome) throws IOException;
    }

    /** Decides, before the body is read, whether a request may go upstream at all (the budget); answers it if not. */
    public interface Admission {
        boolean refused(Context ctx, Exchange x, ErrorShapes.Dialect dialect) throws IOException;
    }

    private final UpstreamTransport transport;
    private final UpstreamRouter router;
    private final CompressionStage stage;
    private final Consumer<Exchange> onDone;
    private final long maxBodyBytes;
    private final boolean logMessages;
    private RetrieveInterceptor interceptor;
    private Admission admission;
    private StickyBetaHeaders stickyBeta;

    public Forwarder(UpstreamTransport transport, UpstreamRouter router, CompressionStage stage, Consumer<Exchange> onDone,
                     long maxBodyBytes, boolean logMessages) {
        this.transport = transport;
        this.router = router;
        this.stage = stage;
        this.onDone = onDone;
        this.maxBodyBytes = maxBodyBytes;
        this.logMessages = logMessages;
    }

    public void setInterceptor(RetrieveInterceptor value) {
        this.interceptor = value;
    }

    public void setAdmission(Admission value) {
        this.admission = value;
    }

    /** Re-adds {@code anthropic-beta} tokens a session dropped (null: forward the client's header as it is). */
    public void setStickyBeta(StickyBetaHeaders value) {
        this.stickyBeta = value;
    }

    /** Which wire format a POST path carries, or null for pass-through routes. */
    static WireFormat formatFor(String path) {
        if (path.equals("/v1/messages")) {
            return WireFormat.ANTHROPIC;
        }
        if (path.equals("/v1/chat/completions")) {
            return WireFormat.OPENAI_CHAT;
        }
        if (path.equals("/v1/responses") || path.endsWith("/codex/responses") || path.equals("/backend-api/responses")) {
            return WireFormat.OPENAI_RESPONSES;
        }
        return null;
    }

    public void handle(Context ctx) {
        Exchange x = new Exchange(Exchange.newRequestId());
        try {
            forward(ctx, x);
        } catch (RuntimeException | IOException e) {
            x.error = e.toString();
        } finally {
            x.totalNanos = System.nanoTime() - x.startedNanos;
            x.settleFigures();
            onDone.accept(x);
        }
    }

    private void forward(Context ctx, Exchange x) throws IOException {
        var req = ctx.req();
        String method = req.getMethod().toUpperCase(Locale.ROOT);
        String path = ctx.path();
        x.method = method;
        x.path = path;
        Map<String, String> headers = new HashMap<>();
        for (String name : Collections.list(req.getHeaderNames())) {
            headers.putIfAbsent(name.toLowerCase(Locale.ROOT), req.getHeader(name));
        }
        UpstreamRouter.Target target = router.route(path, ctx.queryString(), headers);
        x.provider = target.provider().label();
        ErrorShapes.Dialect dialect = ErrorShapes.dialectFor(path, target.provider() == Provider.ANTHROPIC);
        if (admission != null && admission.refused(ctx, x, dialect)) {
            return;
        }
        long declared = req.getContentLengthLong();
        if (declared > maxBodyBytes) {
            reply(ctx, x, 413, ErrorShapes.json(dialect, "request_too_large",
                    "headroom: request body of " + declared + " bytes exceeds the proxy's cap of " + maxBodyBytes
                            + " bytes (raise it with --max-body-mb)"));
            return;
        }
        byte[] body = readBody(req.getInputStream(), declared);
        if (body.length > maxBodyBytes) {
            reply(ctx, x, 413, ErrorShapes.json(dialect, "request_too_large",
                    "headroom: request body exceeds the proxy's cap of " + maxBodyBytes + " bytes (raise it with --max-body-mb)"));
            return;
        }
        byte[] send = body;
        boolean dropEncoding = false;
        CompressionStage.Outcome outcome = null;
        WireFormat format = method.equals("POST") ? formatFor(path) : null;
        x.stream = body.length > 0 && StreamFlag.isSet(body);
        if (format != null) {
            String skip = stage.skipReason(headers);
            String encoding = headers.get("content-encoding");
            byte[] plain = BodyDecoding.isIdentity(encoding) ? body : BodyDecoding.decode(body, encoding, maxBodyBytes);
            if (skip != null) {
                x.skipReason = skip;
            } else if (plain == null) {
                x.skipReason = "undecodable content-encoding " + encoding;
            } else {
                x.stream = StreamFlag.isSet(plain);
                outcome = stage.apply(plain, format, headers, x);
                if (outcome.modified()) {
                    send = outcome.body();
                    dropEncoding = !BodyDecoding.isIdentity(encoding);
                }
            }
            if (logMessages) {
                x.requestBody = new String(plain != null ? plain : body, StandardCharsets.UTF_8);
                x.forwardedBody = outcome != null && outcome.modified() ? new String(send, StandardCharsets.UTF_8) : null;
            }
        }
        HttpRequest.Builder rb = HttpRequest.newBuilder(target.uri());
        if ("https".equalsIgnoreCase(target.uri().getScheme())) {
            rb.version(HttpClient.Version.HTTP_2);
        }
        String beta = stickyBeta(req, target, x);
        if (beta != null) {
            rb.header(StickyBetaHeaders.HEADER, beta);
        }
        for (String name : Collections.list(req.getHeaderNames())) {
            if (!HeaderPolicy.forwardRequestHeader(name) || (dropEncoding && name.equalsIgnoreCase("content-encoding"))
                    || (beta != null && name.equalsIgnoreCase(StickyBetaHeaders.HEADER))) {
                continue;
            }
            for (String v : Collections.list(req.getHeaders(name))) {
                try {
                    rb.header(name, v);
                } catch (IllegalArgumentException restricted) {
                    // a header the JDK client sets itself (e.g. date, via): it recomputes it
                }
            }
        }
        boolean hasBody = send.length > 0 || method.equals("POST") || method.equals("PUT") || method.equals("PATCH");
        rb.method(method, hasBody ? HttpRequest.BodyPublishers.ofByteArray(send) : HttpRequest.BodyPublishers.noBody());
        UpstreamCall call = new UpstreamCall(transport, rb, target, dialect, x);
        x.overheadNanos = System.nanoTime() - x.startedNanos;
        if (outcome != null && outcome.retrieveToolInjected() && interceptor != null
                && interceptor.handle(ctx, x, call, outcome)) {
            return;
        }
        HttpResponse<InputStream> response;
        try {
            response = call.send(send);
        } catch (IOException e) {
            x.error = "upstream unreachable: " + e;
            reply(ctx, x, 502, ErrorShapes.json(dialect, "api_error", "headroom: cannot reach the upstream "
                    + target.uri().getHost() + ": " + e.getMessage()));
            return;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            x.error = "interrupted";
            return;
        }
        Map<String, String> extra = new HashMap<>();
        if (outcome != null && x.engineRan && !Relay.isEventStream(response)) {
            extra.put("x-headroom-tokens-before", String.valueOf(x.tokensBefore));
            extra.put("x-headroom-tokens-after", String.valueOf(x.tokensAfter));
            extra.put("x-headroom-tokens-saved", String.valueOf(x.tokensSaved()));
            extra.put("x-headroom-compressed", String.valueOf(x.compressed));
        }
        new Relay(dialect).relay(ctx, response, x, extra, method.equals("HEAD"));
    }

    /**
     * The session's sticky {@code anthropic-beta} value when it re-adds a token this request dropped, else null (the
     * client's own header lines then go out untouched). Only for Anthropic requests the proxy tracked a session for.
     */
    private String stickyBeta(HttpServletRequest req, UpstreamRouter.Target target, Exchange x) {
        if (stickyBeta == null || x.session == null || target.provider() != Provider.ANTHROPIC) {
            return null;
        }
        List<String> values = Collections.list(req.getHeaders(StickyBetaHeaders.HEADER));
        String merged = stickyBeta.merge(x.session, values);
        if (!StickyBetaHeaders.restored(values, merged)) {
            return null;
        }
        x.transforms.add("sticky-anthropic-beta");
        return merged;
    }

    /**
     * The request body. With a Content-Length it is read into an array of exactly that size: reading up to the cap
     * instead went through 16 KB scratch buffers and a copy, the largest allocation of a pass-through request.
     * Without one (chunked), it is read up to one byte past the cap so an oversized body is recognised.
     */
    private byte[] readBody(InputStream in, long declared) throws IOException {
        if (declared >= 0) {
            byte[] body = new byte[(int) declared];
            int n = in.readNBytes(body, 0, body.length);
            return n == body.length ? body : Arrays.copyOf(body, n);
        }
        return in.readNBytes((int) Math.min(Integer.MAX_VALUE - 16, maxBodyBytes + 1));
    }

    /** A proxy-made answer (413, 502): the only statuses the proxy ever invents. */
    static void reply(Context ctx, Exchange x, int status, byte[] body) throws IOException {
        x.status = status;
        var res = ctx.res();
        res.setStatus(status);
        res.setContentType("application/json");
        res.setContentLength(body.length);
        res.getOutputStream().write(body);
        res.getOutputStream().flush();
    }

    /** One prepared upstream call (the retrieve loop re-sends it with a new body). */
    public record UpstreamCall(UpstreamTransport transport, HttpRequest.Builder builder, UpstreamRouter.Target target,
                               ErrorShapes.Dialect dialect, Exchange exchange) {
        public HttpResponse<InputStream> send(byte[] body) throws IOException, InterruptedException {
            String method = exchange.method;
            boolean bodyless = body.length == 0 && (method.equals("GET") || method.equals("HEAD")
                    || method.equals("DELETE") || method.equals("OPTIONS"));
            HttpRequest r = builder.copy().method(method, bodyless ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofByteArray(body)).build();
            HttpResponse<InputStream> response = transport.send(r, body);
            // The token figures were counted while the upstream worked. A non-streaming reply carries them in its
            // x-headroom-tokens-* headers, so they are settled now; a stream's first bytes must not wait for them
            // (the first OpenAI request alone loads o200k_base, ~250 ms): they are settled when the exchange ends,
            // for the stats and the log.
            if (!Relay.isEventStream(response)) {
                exchange.settleFigures();
            }
            return response;
        }

        public URI uri() {
            return target.uri();
        }
    }
}
