package dev.headroom.proxy.upstream;

import org.apache.hc.client5.http.classic.methods.HttpUriRequestBase;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManager;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
import org.apache.hc.core5.util.TimeValue;
import org.apache.hc.core5.util.Timeout;

import javax.net.ssl.SSLSession;
import java.io.IOException;
import java.io.InputStream;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * Apache HttpClient 5 classic for plain {@code http://} upstreams: the library side of the upstream-client A/B
 * ({@code benchmarks/proxy-client-ab.md}), selected with {@code HEADROOM_UPSTREAM_CLIENT=httpclient5}. Automatic
 * retries are off ({@link RetryPolicy} is the only rule); the response head is checked by the same strict rules as
 * {@link DirectHttp1}'s where the library is lenient (Transfer-Encoding with Content-Length, repeated lengths).
 */
final class ApacheHttp1 implements AutoCloseable {

    private final PoolingHttpClientConnectionManager pool = PoolingHttpClientConnectionManagerBuilder.create()
            .setMaxConnTotal(2048).setMaxConnPerRoute(1024)
            .setDefaultConnectionConfig(ConnectionConfig.custom().setConnectTimeout(Timeout.ofSeconds(10))
                    .setSocketTimeout(Timeout.ofMinutes(10)).setValidateAfterInactivity(TimeValue.ofSeconds(2)).build())
            .build();
    private final CloseableHttpClient client = HttpClients.custom().setConnectionManager(pool)
            .disableAutomaticRetries().disableRedirectHandling().disableContentCompression()
            .disableCookieManagement().disableAuthCaching().disableDefaultUserAgent().build();

    HttpResponse<InputStream> send(HttpRequest request, byte[] body, long firstByteMillis, Consumer<Runnable> onCancel)
            throws UpstreamFailure {
        HttpUriRequestBase r = new HttpUriRequestBase(request.method(), request.uri());
        request.headers().map().forEach((name, values) -> values.forEach(v -> r.addHeader(name, v)));
        if (body.length > 0 || request.method().equals("POST") || request.method().equals("PUT")
                || request.method().equals("PATCH")) {
            r.setEntity(new ByteArrayEntity(body, null));
        }
        r.setConfig(RequestConfig.custom().setResponseTimeout(Timeout.ofMilliseconds(Math.max(1, firstByteMillis)))
                .build());
        onCancel.accept(r::cancel);
        ClassicHttpResponse response;
        try {
            response = client.executeOpen(null, r, null);
        } catch (SocketTimeoutException e) {
            throw new UpstreamFailure(UpstreamFailure.Kind.TIMEOUT, "no response within the first-byte deadline of "
                    + firstByteMillis + " ms", false, e);
        } catch (IOException e) {
            throw new UpstreamFailure(e instanceof org.apache.hc.client5.http.ClientProtocolException
                    ? UpstreamFailure.Kind.PROTOCOL
                    : UpstreamFailure.Kind.UNREACHABLE, String.valueOf(e.getMessage()), false, e);
        }
        Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        for (Header h : response.getHeaders()) {
            headers.computeIfAbsent(h.getName(), k -> new ArrayList<>()).add(h.getValue());
        }
        List<String> cl = headers.get("Content-Length");
        if ((cl != null && (cl.size() > 1 || cl.get(0).contains(","))) || (cl != null && headers.containsKey("Transfer-Encoding"))
                || response.getCode() == 101) {
            r.cancel();
            throw UpstreamFailure.protocol("ambiguous framing or 101 from the upstream");
        }
        HttpEntity entity = response.getEntity();
        InputStream in;
        try {
            in = entity == null ? InputStream.nullInputStream() : entity.getContent();
        } catch (IOException e) {
            r.cancel();
            throw new UpstreamFailure(UpstreamFailure.Kind.UNREACHABLE, e.getMessage(), false, e);
        }
        return new Response(response.getCode(), HttpHeaders.of(headers, (a, b) -> true), in, request);
    }

    private record Response(int statusCode, HttpHeaders headers, InputStream body, HttpRequest request)
            implements HttpResponse<InputStream> {
        @Override
        public Optional<HttpResponse<InputStream>> previousResponse() {
            return Optional.empty();
        }

        @Override
        public Optional<SSLSession> sslSession() {
            return Optional.empty();
        }

        @Override
        public URI uri() {
            return request.uri();
        }

        @Override
        public HttpClient.Version version() {
            return HttpClient.Version.HTTP_1_1;
        }
    }

    @Override
    public void close() {
        try {
            client.close();
        } catch (IOException ignored) {
            // closing
        }
    }
}
