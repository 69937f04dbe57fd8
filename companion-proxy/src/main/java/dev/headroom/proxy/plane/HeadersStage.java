package dev.headroom.proxy.plane;

import dev.headroom.proxy.forward.HeaderPolicy;
import dev.headroom.proxy.forward.StickyBetaHeaders;
import dev.headroom.proxy.upstream.Provider;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.util.Collections;
import java.util.List;

/**
 * The upstream request's headers: the client's, minus hop-by-hop ones and the proxy's own controls, a
 * content-encoding dropped when the body was decoded and re-sent plain, and a session's sticky
 * {@code anthropic-beta} when this turn dropped one of its tokens.
 */
final class HeadersStage implements Stage {

    private final StickyBetaHeaders stickyBeta;

    HeadersStage(StickyBetaHeaders stickyBeta) {
        this.stickyBeta = stickyBeta;
    }

    @Override
    public void run(Flight f, Chain next) throws IOException, InterruptedException {
        var req = f.ctx.req();
        HttpRequest.Builder rb = HttpRequest.newBuilder(f.target.uri());
        if ("https".equalsIgnoreCase(f.target.uri().getScheme())) {
            rb.version(HttpClient.Version.HTTP_2);
        }
        String beta = stickyBeta(f);
        if (beta != null) {
            rb.header(StickyBetaHeaders.HEADER, beta);
        }
        for (String name : Collections.list(req.getHeaderNames())) {
            if (!HeaderPolicy.forwardRequestHeader(name) || (f.dropEncoding && name.equalsIgnoreCase("content-encoding"))
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
        f.upstream = rb;
        next.proceed(f);
    }

    /** The merged value when the session's sticky set re-adds a token this request dropped, else null. */
    private String stickyBeta(Flight f) {
        if (stickyBeta == null || f.x.session() == null || f.target.provider() != Provider.ANTHROPIC) {
            return null;
        }
        List<String> values = Collections.list(f.ctx.req().getHeaders(StickyBetaHeaders.HEADER));
        String merged = stickyBeta.merge(f.x.session(), values);
        if (!StickyBetaHeaders.restored(values, merged)) {
            return null;
        }
        f.x.transform("sticky-anthropic-beta");
        return merged;
    }
}
