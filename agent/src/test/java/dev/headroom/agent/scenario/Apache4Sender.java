package dev.headroom.agent.scenario;

import org.apache.http.client.methods.CloseableHttpResponse;
import org.apache.http.client.methods.HttpPost;
import org.apache.http.entity.ByteArrayEntity;
import org.apache.http.entity.ContentType;
import org.apache.http.impl.client.CloseableHttpClient;
import org.apache.http.impl.client.HttpClients;
import org.apache.http.impl.client.LaxRedirectStrategy;
import org.apache.http.util.EntityUtils;

import java.util.Map;

/** Apache HttpClient 4.5 classic (lax redirects, so a 307 POST is followed). */
public final class Apache4Sender implements Sender {

    private final CloseableHttpClient client = HttpClients.custom().setRedirectStrategy(new LaxRedirectStrategy()).build();

    @Override
    public int post(String url, byte[] body, String contentType, Map<String, String> headers) throws Exception {
        HttpPost post = new HttpPost(url);
        post.setEntity("stream".equals(headers.get("X-Step"))
                ? new org.apache.http.entity.InputStreamEntity(new java.io.ByteArrayInputStream(body), body.length,
                        ContentType.parse(contentType))
                : new ByteArrayEntity(body, ContentType.parse(contentType)));
        headers.forEach(post::setHeader);
        try (CloseableHttpResponse r = client.execute(post)) {
            EntityUtils.consume(r.getEntity());
            return r.getStatusLine().getStatusCode();
        }
    }

    @Override
    public void close() throws Exception {
        client.close();
    }
}
