package dev.headroom.dialects.retrieve;

import dev.headroom.testsupport.FakeLlmUpstream;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.atomic.AtomicInteger;

/** An {@link Upstream} that POSTs to the shared fake upstream with the JDK client, as an agent's own client would. */
final class FakeUpstreamCall implements Upstream {

    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final String url;
    final AtomicInteger sent = new AtomicInteger();

    FakeUpstreamCall(FakeLlmUpstream up, String path) {
        this.url = up.baseUrl() + path;
    }

    @Override
    public UpstreamReply send(byte[] body) throws IOException {
        sent.incrementAndGet();
        try {
            HttpResponse<InputStream> r = client.send(HttpRequest.newBuilder(URI.create(url))
                    .header("content-type", "application/json").header("x-api-key", "k")
                    .header("authorization", "Bearer sk-test")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofInputStream());
            return new UpstreamReply(r.statusCode(), r.headers().map(), r.body());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }
}
