package dev.headroom.agent.adapter.jdk;

import dev.headroom.agent.bootstrap.Adapter;
import dev.headroom.agent.bootstrap.BodyRewriter;
import dev.headroom.agent.bootstrap.HeadroomBridge;

import java.net.URI;
import java.net.http.HttpRequest;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * java.net.http: swaps an LLM-bound request for a {@link RewrittenHttpRequest} carrying the compressed
 * bytes. The client copies any {@code HttpRequest} into its own and takes Content-Length from the
 * publisher, so framing follows automatically, for retries and 307/308 redirects too.
 */
public final class JdkHttpAdapter implements Adapter {

    @Override
    public Object apply(Object target) {
        if (!(target instanceof HttpRequest) || target instanceof RewrittenHttpRequest) {
            return target;
        }
        BodyRewriter rewriter = HeadroomBridge.rewriter();
        HttpRequest request = (HttpRequest) target;
        URI uri = request.uri();
        if (rewriter == null || uri == null || !rewriter.isLlmEndpoint(uri.getHost(), port(uri), uri.getRawPath())) {
            return target;
        }
        Optional<HttpRequest.BodyPublisher> publisher = request.bodyPublisher();
        if (publisher.isEmpty()) {
            return target;
        }
        long length = publisher.get().contentLength();
        if (length <= 0 || length > rewriter.maxBodyBytes()) {
            return target;
        }
        byte[] body = PublisherDrain.drain(publisher.get(), length);
        if (body == null) {
            return target;
        }
        Map<String, String> headers = new HashMap<>();
        for (Map.Entry<String, List<String>> h : request.headers().map().entrySet()) {
            if (!h.getValue().isEmpty()) {
                headers.put(h.getKey().toLowerCase(Locale.ROOT), h.getValue().get(0));
            }
        }
        byte[] out = rewriter.rewrite("jdk", uri.getHost(), uri.getRawPath(), headers.get("content-type"), headers, body);
        return out == null ? target : new RewrittenHttpRequest(request, out);
    }

    private static int port(URI uri) {
        if (uri.getPort() >= 0) {
            return uri.getPort();
        }
        return "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
    }
}
