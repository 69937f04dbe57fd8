package dev.headroom.agent.adapter.okhttp;

import dev.headroom.agent.bootstrap.Adapter;
import dev.headroom.agent.bootstrap.BodyRewriter;
import dev.headroom.agent.bootstrap.HeadroomBridge;
import okhttp3.Headers;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.Request;
import okhttp3.RequestBody;
import okio.Buffer;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * OkHttp 3.x, 4.x and 5.x (compiled against 3.14, using only methods that kept their JVM signatures):
 * replaces the {@code Request} given to {@code newCall}, so every interceptor, retry and redirect sees
 * the compressed body. Duplex, one-shot and unknown-length bodies are left alone.
 */
public final class OkHttpAdapter implements Adapter {

    @Override
    public Object apply(Object target) {
        if (!(target instanceof Request)) {
            return target;
        }
        Request request = (Request) target;
        RequestBody body = request.body();
        BodyRewriter rewriter = HeadroomBridge.rewriter();
        if (body == null || rewriter == null) {
            return target;
        }
        HttpUrl url = request.url();
        if (!rewriter.isLlmEndpoint(url.host(), url.port(), url.encodedPath())) {
            return target;
        }
        if (!readableTwice(body)) {
            return target;
        }
        byte[] bytes;
        try {
            long length = body.contentLength();
            if (length <= 0 || length > rewriter.maxBodyBytes()) {
                return target;
            }
            Buffer buffer = new Buffer();
            body.writeTo(buffer);
            bytes = buffer.readByteArray();
        } catch (java.io.IOException e) {
            return target;
        }
        MediaType type = body.contentType();
        Map<String, String> headers = new HashMap<>();
        Headers h = request.headers();
        for (int i = 0; i < h.size(); i++) {
            headers.putIfAbsent(h.name(i).toLowerCase(Locale.ROOT), h.value(i));
        }
        byte[] out = rewriter.rewrite("okhttp", url.host(), url.encodedPath(),
                type == null ? headers.get("content-type") : type.toString(), headers, bytes);
        if (out == null) {
            return target;
        }
        return request.newBuilder().method(request.method(), RequestBody.create(type, out)).build();
    }

    private static boolean readableTwice(RequestBody body) {
        try {
            return !body.isDuplex() && !body.isOneShot();
        } catch (NoSuchMethodError olderThan314) {
            return true; // before 3.14 OkHttp had neither duplex nor one-shot bodies
        }
    }
}
