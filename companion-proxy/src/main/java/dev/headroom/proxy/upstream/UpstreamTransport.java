package dev.headroom.proxy.upstream;

import java.io.IOException;
import java.io.InputStream;
import java.net.Proxy;
import java.net.ProxySelector;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;

/**
 * Sends one upstream request: plain {@code http://} without an outbound proxy goes over {@link DirectHttp1} on the
 * calling thread; everything else (TLS, HTTP/2, outbound proxies, custom CA bundles) over the JDK client.
 */
public final class UpstreamTransport implements AutoCloseable {

    private final HttpClient client;
    private final ProxySelector proxies;
    private final DirectHttp1 direct = new DirectHttp1();

    public UpstreamTransport(Map<String, String> env) {
        this.client = OutboundClient.create(env);
        this.proxies = new OutboundClient.EnvProxySelector(env);
    }

    public HttpResponse<InputStream> send(HttpRequest request, byte[] body) throws IOException, InterruptedException {
        if ("http".equalsIgnoreCase(request.uri().getScheme())
                && proxies.select(request.uri()).get(0).type() == Proxy.Type.DIRECT) {
            return direct.send(request, body);
        }
        return client.send(request, HttpResponse.BodyHandlers.ofInputStream());
    }

    @Override
    public void close() {
        direct.close();
        client.close();
    }
}
