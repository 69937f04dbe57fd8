package dev.headroom.agent.scenario;

import org.apache.hc.client5.http.async.methods.SimpleHttpRequest;
import org.apache.hc.client5.http.async.methods.SimpleRequestBuilder;
import org.apache.hc.client5.http.impl.async.CloseableHttpAsyncClient;
import org.apache.hc.client5.http.impl.async.HttpAsyncClients;
import org.apache.hc.core5.http.ContentType;

import java.util.Map;

/** Apache HttpClient 5 async (SimpleHttpRequest: an in-memory, repeatable producer). */
public final class Apache5AsyncSender implements Sender {

    private final CloseableHttpAsyncClient client = HttpAsyncClients.custom().build();

    public Apache5AsyncSender() {
        client.start();
    }

    @Override
    public int post(String url, byte[] body, String contentType, Map<String, String> headers) throws Exception {
        SimpleRequestBuilder b = SimpleRequestBuilder.post(url).setBody(body, ContentType.parse(contentType));
        headers.forEach(b::setHeader);
        SimpleHttpRequest request = b.build();
        return client.execute(request, null).get().getCode();
    }

    @Override
    public void close() throws Exception {
        client.close();
    }
}
