package dev.headroom.agent.scenario;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;

/** java.net.http, alternating send and sendAsync. */
public final class JdkSender implements Sender {

    private final HttpClient client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NORMAL).build();
    private int calls;

    @Override
    public int post(String url, byte[] body, String contentType, Map<String, String> headers) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).header("Content-Type", contentType)
                .POST("stream".equals(headers.get("X-Step"))
                        ? HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(body))
                        : HttpRequest.BodyPublishers.ofString(new String(body, java.nio.charset.StandardCharsets.UTF_8)));
        headers.forEach(b::header);
        HttpRequest request = b.build();
        if (calls++ % 2 == 0) {
            return client.send(request, HttpResponse.BodyHandlers.ofString()).statusCode();
        }
        return client.sendAsync(request, HttpResponse.BodyHandlers.ofString()).get().statusCode();
    }
}
