package dev.headroom.agent.adapter.apache4;

import dev.headroom.agent.bootstrap.Adapter;
import dev.headroom.agent.bootstrap.BodyRewriter;
import dev.headroom.agent.bootstrap.HeadroomBridge;
import org.apache.http.Header;
import org.apache.http.HttpEntity;
import org.apache.http.HttpEntityEnclosingRequest;
import org.apache.http.HttpHost;
import org.apache.http.client.methods.HttpRequestWrapper;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Apache HttpClient 4.3-4.5 classic: at {@code ProtocolExec#execute} the request is the client's own
 * {@code HttpRequestWrapper}, so setting its entity leaves the app's request object untouched, and
 * Content-Length is computed afterwards by the protocol interceptors.
 */
public final class Apache4Adapter implements Adapter {

    @Override
    public Object apply(Object target) {
        if (!(target instanceof HttpRequestWrapper) || !(target instanceof HttpEntityEnclosingRequest)) {
            return target;
        }
        HttpRequestWrapper wrapper = (HttpRequestWrapper) target;
        HttpEntityEnclosingRequest enclosing = (HttpEntityEnclosingRequest) target;
        HttpEntity entity = enclosing.getEntity();
        BodyRewriter rewriter = HeadroomBridge.rewriter();
        if (entity == null || entity instanceof RewrittenEntity4 || rewriter == null) {
            return target;
        }
        URI uri = wrapper.getURI();
        HttpHost host = wrapper.getTarget();
        String hostName = host != null ? host.getHostName() : uri.getHost();
        int port = host != null ? host.getPort() : uri.getPort();
        String scheme = host != null ? host.getSchemeName() : uri.getScheme();
        if (port < 0) {
            port = "https".equalsIgnoreCase(scheme) ? 443 : 80;
        }
        String path = uri.getRawPath();
        if (!rewriter.isLlmEndpoint(hostName, port, path)) {
            return target;
        }
        long length = entity.getContentLength();
        if (!entity.isRepeatable() || length <= 0 || length > rewriter.maxBodyBytes()
                || entity.getContentEncoding() != null) {
            return target;
        }
        byte[] body;
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream((int) length);
            entity.writeTo(out);
            body = out.toByteArray();
        } catch (IOException e) {
            return target;
        }
        Map<String, String> headers = new HashMap<>();
        for (Header h : wrapper.getAllHeaders()) {
            headers.putIfAbsent(h.getName().toLowerCase(Locale.ROOT), h.getValue());
        }
        String contentType = entity.getContentType() != null ? entity.getContentType().getValue() : headers.get("content-type");
        byte[] out = rewriter.rewrite("apache4", hostName, path, contentType, headers, body);
        if (out != null) {
            RewrittenEntity4 replacement = new RewrittenEntity4(out);
            replacement.setContentType(entity.getContentType());
            enclosing.setEntity(replacement);
        }
        return target;
    }
}
