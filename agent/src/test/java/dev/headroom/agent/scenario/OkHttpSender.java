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
        Request.Builder b = new Request.Builder().url(url).post(RequestBody.create(MediaType.parse(contentType), body));
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
}
