package dev.headroom.agent.scenario;

import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.apache.hc.core5.http.io.entity.AbstractHttpEntity;
import org.apache.hc.core5.http.io.entity.InputStreamEntity;
import org.apache.hc.core5.http.io.entity.StringEntity;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.OutputStream;

import java.nio.charset.StandardCharsets;
import java.util.Map;

/** Apache HttpClient 5 classic. */
public final class Apache5ClassicSender implements Sender {

    private final CloseableHttpClient client = HttpClients.custom().build();

    @Override
    public int post(String url, byte[] body, String contentType, Map<String, String> headers) throws Exception {
        HttpPost post = new HttpPost(url);
        String step = headers.get("X-Step");
        if ("oneshot".equals(step)) {
            post.setEntity(new CallbackEntity(body, ContentType.parse(contentType)));
        } else if ("stream".equals(step)) {
            post.setEntity(new InputStreamEntity(new ByteArrayInputStream(body), -1, ContentType.parse(contentType)));
        } else {
            post.setEntity(new StringEntity(new String(body, StandardCharsets.UTF_8), ContentType.parse(contentType)));
        }
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

    /** Like Spring's RestClient body: written once through a callback, chunked, unknown length, not streaming. */
    static final class CallbackEntity extends AbstractHttpEntity {
        private final byte[] body;
        private boolean written;

        CallbackEntity(byte[] body, ContentType type) {
            super(type, null, true);
            this.body = body;
        }

        @Override
        public boolean isRepeatable() {
            return false;
        }

        @Override
        public long getContentLength() {
            return -1;
        }

        @Override
        public InputStream getContent() {
            throw new UnsupportedOperationException();
        }

        @Override
        public void writeTo(OutputStream out) throws java.io.IOException {
            if (written) {
                throw new IllegalStateException("one-shot body written twice");
            }
            written = true;
            out.write(body);
        }

        @Override
        public boolean isStreaming() {
            return false;
        }

        @Override
        public void close() {
        }
    }
}
