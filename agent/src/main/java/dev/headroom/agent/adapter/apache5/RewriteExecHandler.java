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

    private static byte[] compressed(ClassicHttpRequest request, ExecChain.Scope scope) throws IOException {
        HttpEntity entity = request.getEntity();
        if (entity == null) {
            return null;
        }
        BodyRewriter rewriter = Apache5Bodies.forLlm(request, scope.route);
        long length = entity.getContentLength();
        if (rewriter == null || !entity.isRepeatable() || length <= 0 || length > rewriter.maxBodyBytes()
                || entity.getContentEncoding() != null) {
            return null;
        }
        ByteArrayOutputStream body = new ByteArrayOutputStream((int) length);
        entity.writeTo(body);
        return Apache5Bodies.rewrite(rewriter, "apache5-classic", request, scope.route, entity.getContentType(),
                body.toByteArray());
    }
}
