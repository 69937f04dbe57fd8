package dev.headroom.proxy.retrieve;

import io.javalin.http.Context;

import java.io.IOException;
import java.io.OutputStream;
import java.net.http.HttpHeaders;
import java.util.List;
import java.util.Map;

/**
 * The client side of a retrieve loop: the status and headers are committed once (from the first upstream
 * answer), then bytes are written and flushed as they become final. A failed write means the client left.
 */
final class ClientStream {

    /** The client went away; the loop stops and closes its upstream call. */
    static final class Gone extends IOException {
        Gone(IOException cause) {
            super(cause);
        }
    }

    private final Context ctx;
    private boolean committed;

    ClientStream(Context ctx) {
        this.ctx = ctx;
    }

    boolean committed() {
        return committed;
    }

    /** Sets status and the upstream's headers (minus hop-by-hop and length: the body will differ). */
    void commit(int status, HttpHeaders headers, Map<String, String> extra) {
        if (committed) {
            return;
        }
        committed = true;
        var res = ctx.res();
        res.setStatus(status);
        for (Map.Entry<String, List<String>> h : headers.map().entrySet()) {
            String n = h.getKey();
            if (!dev.headroom.proxy.forward.HeaderPolicy.forwardResponseHeader(n) || n.equalsIgnoreCase("content-length")) {
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

    void write(byte[] b) throws Gone {
        try {
            OutputStream out = ctx.res().getOutputStream();
            out.write(b);
            out.flush();
        } catch (IOException e) {
            throw new Gone(e);
        }
    }
}
