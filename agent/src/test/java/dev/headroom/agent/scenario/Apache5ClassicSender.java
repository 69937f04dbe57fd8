package dev.headroom.agent.scenario;

import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.apache.hc.core5.http.io.entity.StringEntity;

import java.nio.charset.StandardCharsets;
import java.util.Map;

/** Apache HttpClient 5 classic. */
public final class Apache5ClassicSender implements Sender {

    private final CloseableHttpClient client = HttpClients.custom().build();

    @Override
    public int post(String url, byte[] body, String contentType, Map<String, String> headers) throws Exception {
        HttpPost post = new HttpPost(url);
        post.setEntity(new StringEntity(new String(body, StandardCharsets.UTF_8), ContentType.parse(contentType)));
        headers.forEach(post::setHeader);
        return client.execute(post, response -> {
            EntityUtils.consume(response.getEntity());
            return response.getCode();
        });
    }

    @Override
    public void close() throws Exception {
        client.close();
    }
}
