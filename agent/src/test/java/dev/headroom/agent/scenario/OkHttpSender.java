package dev.headroom.agent.scenario;

import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

import java.util.Map;

/** OkHttp 3/4/5 (compiled against 3.14, run against each). */
public final class OkHttpSender implements Sender {

    private final OkHttpClient client = new OkHttpClient.Builder().retryOnConnectionFailure(true).build();

    @Override
    public int post(String url, byte[] body, String contentType, Map<String, String> headers) throws Exception {
        RequestBody requestBody = RequestBody.create(MediaType.parse(contentType), body);
        if ("stream".equals(headers.get("X-Step"))) {
            requestBody = new OneShotBody(MediaType.parse(contentType), body);
        }
        Request.Builder b = new Request.Builder().url(url).post(requestBody);
        headers.forEach(b::header);
        try (Response r = client.newCall(b.build()).execute()) {
            r.body().string();
            return r.code();
        }
    }

    @Override
    public void close() {
        client.dispatcher().executorService().shutdown();
        client.connectionPool().evictAll();
    }

    /** A body that can be written only once (like a streamed upload): the agent must not read it. */
    static final class OneShotBody extends RequestBody {
        private final MediaType type;
        private final byte[] body;

        OneShotBody(MediaType type, byte[] body) {
            this.type = type;
            this.body = body;
        }

        @Override
        public MediaType contentType() {
            return type;
        }

        @Override
        public long contentLength() {
            return body.length;
        }

        @Override
        public boolean isOneShot() {
            return true;
        }

        @Override
        public void writeTo(okio.BufferedSink sink) throws java.io.IOException {
            sink.write(body);
        }
    }
}
