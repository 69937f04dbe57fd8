package dev.headroom.proxy.support;

import dev.headroom.engine.store.HeadroomHome;
import dev.headroom.proxy.HeadroomProxy;
import dev.headroom.proxy.ProxyConfig;
import dev.headroom.testsupport.FakeLlmUpstream;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.UnaryOperator;

/** A proxy on a free loopback port in front of a fake upstream, with its store in a temp dir. */
public final class ProxyHarness implements AutoCloseable {

    public final FakeLlmUpstream upstream;
    public final HeadroomProxy proxy;
    public final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    public ProxyHarness(Path home, UnaryOperator<ProxyConfig> tweak) throws Exception {
        this(FixedReplies.upstream(), home, tweak);
    }

    public ProxyHarness(FakeLlmUpstream upstream, Path home, UnaryOperator<ProxyConfig> tweak) throws Exception {
        this(upstream, home, Map.of(), tweak);
    }

    /** A proxy started with extra environment settings (e.g. {@code HEADROOM_BETA_HEADER_STICKY}). */
    public ProxyHarness(FakeLlmUpstream upstream, Path home, Map<String, String> env, UnaryOperator<ProxyConfig> tweak)
            throws Exception {
        this.upstream = upstream;
        Map<String, String> all = new java.util.HashMap<>(env);
        all.put("HEADROOM_HOME", home.toString());
        ProxyConfig c = ProxyConfig.fromEnvironment(all)
                .withPort(0).withAnthropicUrl(upstream.baseUrl()).withOpenaiUrl(upstream.baseUrl())
                .withChatgptUrl(upstream.baseUrl() + "/backend-api/codex").withHome(HeadroomHome.of(home));
        this.proxy = HeadroomProxy.start(tweak.apply(c));
    }

    public String url(String path) {
        return "http://127.0.0.1:" + proxy.port() + path;
    }

    public HttpRequest.Builder post(String path, String body) {
        return HttpRequest.newBuilder(URI.create(url(path)))
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                .header("content-type", "application/json");
    }

    public HttpResponse<String> send(HttpRequest.Builder b) throws Exception {
        return client.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    public HttpResponse<String> get(String path) throws Exception {
        return send(HttpRequest.newBuilder(URI.create(url(path))).GET());
    }

    @Override
    public void close() {
        proxy.close();
        upstream.close();
    }
}
