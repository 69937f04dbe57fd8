package dev.headroom.agent.adapter.apache5;

import dev.headroom.agent.bootstrap.BodyRewriter;
import dev.headroom.agent.bootstrap.HeadroomBridge;
import org.apache.hc.client5.http.HttpRoute;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpHost;
import org.apache.hc.core5.http.HttpRequest;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/** What the classic and async handlers share: the endpoint check and the call into the agent. */
final class Apache5Bodies {

    private Apache5Bodies() {
    }

    /** The rewriter if this request goes to an LLM endpoint, else null. */
    static BodyRewriter forLlm(HttpRequest request, HttpRoute route) {
        BodyRewriter rewriter = HeadroomBridge.rewriter();
        if (rewriter == null || route == null) {
            return null;
        }
        HttpHost host = route.getTargetHost();
        int port = host.getPort() >= 0 ? host.getPort() : "https".equalsIgnoreCase(host.getSchemeName()) ? 443 : 80;
        return rewriter.isLlmEndpoint(host.getHostName(), port, path(request)) ? rewriter : null;
    }

    static byte[] rewrite(BodyRewriter rewriter, String client, HttpRequest request, HttpRoute route,
                          String contentType, byte[] body) {
        Map<String, String> headers = new HashMap<>();
        for (Header h : request.getHeaders()) {
            headers.putIfAbsent(h.getName().toLowerCase(Locale.ROOT), h.getValue());
        }
        return rewriter.rewrite(client, route.getTargetHost().getHostName(), path(request),
                contentType != null ? contentType : headers.get("content-type"), headers, body);
    }

    static String path(HttpRequest request) {
        String p = request.getPath();
        if (p == null) {
            return "";
        }
        if (p.startsWith("http://") || p.startsWith("https://")) {
            int slash = p.indexOf('/', p.indexOf("//") + 2);
            p = slash < 0 ? "/" : p.substring(slash);
        }
        int q = p.indexOf('?');
        return q < 0 ? p : p.substring(0, q);
    }
}
