package dev.headroom.proxy.plane;

import dev.headroom.engine.format.WireFormat;
import dev.headroom.proxy.compress.CompressionStage;
import dev.headroom.dialects.Dialect;
import dev.headroom.dialects.Dialects;
import dev.headroom.proxy.record.ExchangeRecorder;
import dev.headroom.proxy.upstream.UpstreamRouter;
import io.javalin.http.Context;

import java.io.InputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;

/**
 * One request on its way through the data plane: what the stages have worked out so far (the route, the body as
 * read and as it will be sent, the upstream request). It lives for one request on one thread and is private to the
 * plane; what is recorded about the exchange goes through {@link ExchangeRecorder}'s methods.
 */
final class Flight {

    final Context ctx;
    final ExchangeRecorder x;
    final String method;
    final String path;
    /** Request headers, lower-case names, first value. */
    final Map<String, String> headers;
    final UpstreamRouter.Target target;
    final Dialect dialect;
    /** The wire format of a model call (POST to a compressing route), else null. */
    final WireFormat format;

    /** The body as the client sent it (after decode, see {@link #plain}). */
    byte[] body = new byte[0];
    /** The body decoded from its content-encoding, or null when it could not be decoded. */
    byte[] plain;
    /** What goes upstream. */
    byte[] send = new byte[0];
    boolean dropEncoding;
    CompressionStage.Outcome outcome;
    HttpRequest.Builder upstream;
    UpstreamCall call;
    ClientWatch watch;
    HttpResponse<InputStream> response;
    /** Body bytes held against the in-flight budget, released when the exchange ends. */
    long reserved;

    Flight(Context ctx, ExchangeRecorder x, String method, String path, Map<String, String> headers, UpstreamRouter.Target target,
           Dialect dialect, WireFormat format) {
        this.ctx = ctx;
        this.x = x;
        this.method = method;
        this.path = path;
        this.headers = headers;
        this.target = target;
        this.dialect = dialect;
        this.format = format;
    }

    boolean hasRequestBody() {
        return send.length > 0 || method.equals("POST") || method.equals("PUT") || method.equals("PATCH");
    }
}
