package dev.headroom.agent.adapter.apache5;

import dev.headroom.agent.bootstrap.BodyRewriter;
import dev.headroom.agent.bootstrap.HeadroomBridge;
import org.apache.hc.client5.http.classic.ExecChain;
import org.apache.hc.client5.http.classic.ExecChainHandler;
import org.apache.hc.core5.http.ClassicHttpRequest;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.http.HttpException;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
import org.apache.hc.core5.http.io.support.ClassicRequestBuilder;

import java.io.ByteArrayOutputStream;
import java.io.IOException;

/**
 * Outermost classic exec handler: puts the compressed entity on the chain's request and on the scope's
 * original request, which the retry and redirect handlers below copy from, so they resend it too.
 */
final class RewriteExecHandler implements ExecChainHandler {

    @Override
    public ClassicHttpResponse execute(ClassicHttpRequest request, ExecChain.Scope scope, ExecChain chain)
            throws IOException, HttpException {
        ExecChain.Scope next = scope;
        try {
            byte[] out = compressed(request, scope);
            if (out != null) {
                HttpEntity entity = request.getEntity();
                ContentType type = entity.getContentType() == null ? null : ContentType.parse(entity.getContentType());
                request.setEntity(new ByteArrayEntity(out, type));
                // Retries and redirects copy the scope's original request: give them one with the new entity
                // (a copy, because the protocol handlers below add Content-Length to the chain's request).
                ClassicHttpRequest original = ClassicRequestBuilder.copy(request).build();
                next = new ExecChain.Scope(scope.exchangeId, scope.route, original, scope.execRuntime, scope.clientContext);
            }
        } catch (Throwable t) {
            HeadroomBridge.ERRORS.incrementAndGet();
        }
        return chain.proceed(request, next);
    }

    /**
     * The bytes to send instead of the entity, or null to leave the request untouched. Repeatable entities
     * of known length are read and left intact. A one-shot, non-streaming JSON entity (Spring's RestClient
     * writes its body through a callback, chunked) is read once and always replaced: by the compressed
     * bytes, or by its own bytes when the engine declines or the body is over the cap.
     */
    private static byte[] compressed(ClassicHttpRequest request, ExecChain.Scope scope) throws IOException {
        HttpEntity entity = request.getEntity();
        if (entity == null || entity.getContentEncoding() != null) {
            return null;
        }
        BodyRewriter rewriter = Apache5Bodies.forLlm(request, scope.route);
        if (rewriter == null) {
            return null;
        }
        long length = entity.getContentLength();
        boolean repeatable = entity.isRepeatable() && length > 0 && length <= rewriter.maxBodyBytes();
        boolean oneShot = !repeatable && !entity.isStreaming() && isJson(entity.getContentType())
                && length <= rewriter.maxBodyBytes();
        if (!repeatable && !oneShot) {
            return null;
        }
        ByteArrayOutputStream body = new ByteArrayOutputStream(length > 0 ? (int) length : 8192);
        entity.writeTo(body);
        byte[] bytes = body.toByteArray();
        byte[] out = bytes.length <= rewriter.maxBodyBytes()
                ? Apache5Bodies.rewrite(rewriter, "apache5-classic", request, scope.route, entity.getContentType(), bytes)
                : null;
        return out != null ? out : oneShot ? bytes : null;
    }

    private static boolean isJson(String contentType) {
        return contentType != null && contentType.toLowerCase(java.util.Locale.ROOT).contains("json");
    }
}
