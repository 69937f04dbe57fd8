package dev.headroom.proxy.retrieve;

import dev.headroom.dialects.retrieve.ClientSink;
import dev.headroom.proxy.forward.HeaderPolicy;
import io.javalin.http.Context;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.Map;

/**
 * The client side of the retrieve rounds on a Jetty response: status and the upstream's headers (minus hop-by-hop
 * ones and the length: the body will differ) committed once, plus the proxy's own {@code extra} headers; then bytes
 * written and flushed as they become final. A failed write means the client left.
 */
public final class ResponseSink implements ClientSink {

    private final Context ctx;
    private final Map<String, String> extra;
    private boolean committed;

    public ResponseSink(Context ctx, Map<String, String> extra) {
        this.ctx = ctx;
        this.extra = extra;
    }

    @Override
    public void commit(int status, Map<String, List<String>> headers) {
        if (committed) {
            return;
        }
        committed = true;
        var res = ctx.res();
        res.setStatus(status);
        for (Map.Entry<String, List<String>> h : headers.entrySet()) {
            String n = h.getKey();
            if (!HeaderPolicy.forwardResponseHeader(n) || n.equalsIgnoreCase("content-length")) {
                continue;
            }
            boolean first = true;
            for (String v : h.getValue()) {
                if (first) {
                    res.setHeader(n, v);
                    first = false;
                } else {
                    res.addHeader(n, v);
                }
            }
        }
        extra.forEach(res::setHeader);
    }

    @Override
    public void write(byte[] b) throws ClientGone {
        try {
            OutputStream out = ctx.res().getOutputStream();
            out.write(b);
            out.flush();
        } catch (IOException e) {
            throw new ClientGone(e);
        }
    }
}
