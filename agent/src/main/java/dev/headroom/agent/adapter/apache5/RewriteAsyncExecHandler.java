package dev.headroom.agent.adapter.apache5;

import dev.headroom.agent.bootstrap.BodyRewriter;
import dev.headroom.agent.bootstrap.HeadroomBridge;
import org.apache.hc.client5.http.async.AsyncExecCallback;
import org.apache.hc.client5.http.async.AsyncExecChain;
import org.apache.hc.client5.http.async.AsyncExecChainHandler;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.HttpException;
import org.apache.hc.core5.http.HttpRequest;
import org.apache.hc.core5.http.nio.AsyncEntityProducer;
import org.apache.hc.core5.http.nio.entity.AsyncEntityProducers;

import java.io.IOException;

/**
 * Outermost async exec handler: drains a repeatable, in-memory entity producer and proceeds with a
 * byte-array producer (compressed, or the original bytes when the engine declines). Retries and
 * redirects further down reuse the producer they are given, so they resend the same bytes.
 */
final class RewriteAsyncExecHandler implements AsyncExecChainHandler {

    @Override
    public void execute(HttpRequest request, AsyncEntityProducer producer, AsyncExecChain.Scope scope,
                        AsyncExecChain chain, AsyncExecCallback callback) throws HttpException, IOException {
        AsyncEntityProducer next = producer;
        try {
            next = replacement(request, producer, scope);
        } catch (Throwable t) {
            HeadroomBridge.ERRORS.incrementAndGet();
        }
        chain.proceed(request, next, scope, callback);
    }

    private static AsyncEntityProducer replacement(HttpRequest request, AsyncEntityProducer producer,
                                                   AsyncExecChain.Scope scope) throws IOException {
        if (producer == null) {
            return null;
        }
        BodyRewriter rewriter = Apache5Bodies.forLlm(request, scope.route);
        long length = producer.getContentLength();
        if (rewriter == null || !producer.isRepeatable() || producer.isChunked() || length <= 0
                || length > rewriter.maxBodyBytes() || producer.getContentEncoding() != null) {
            return producer;
        }
        byte[] body = CapturingDataChannel.drain(producer, length);
        if (body == null) {
            return producer;
        }
        byte[] out = Apache5Bodies.rewrite(rewriter, "apache5-async", request, scope.route, producer.getContentType(),
                body);
        ContentType type = producer.getContentType() == null ? null : ContentType.parse(producer.getContentType());
        // The original producer has been read; from here on the bytes we hold are the body.
        return AsyncEntityProducers.create(out != null ? out : body, type);
    }
}
