package dev.headroom.proxy.faults;

import dev.headroom.engine.store.HeadroomHome;
import dev.headroom.proxy.HeadroomProxy;
import dev.headroom.proxy.ProxyConfig;
import dev.headroom.testsupport.raw.RawClient;
import dev.headroom.testsupport.raw.RawUpstream;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/** A proxy in front of a {@link RawUpstream}, with extra environment settings (deadlines) and its own store. */
final class RawHarness implements AutoCloseable {

    final RawUpstream upstream;
    final HeadroomProxy proxy;

    RawHarness(Path home, String... env) throws Exception {
        upstream = RawUpstream.start();
        Map<String, String> e = new HashMap<>();
        e.put("HEADROOM_HOME", home.toString());
        // -Dupstream.client=httpclient5 runs the fault suite against the A/B's library client
        String client = System.getProperty("upstream.client");
        if (client != null) {
            e.put("HEADROOM_UPSTREAM_CLIENT", client);
        }
        for (int i = 0; i + 1 < env.length; i += 2) {
            e.put(env[i], env[i + 1]);
        }
        proxy = HeadroomProxy.start(ProxyConfig.fromEnvironment(e).withPort(0).withHome(HeadroomHome.of(home))
                .withAnthropicUrl(upstream.baseUrl()).withOpenaiUrl(upstream.baseUrl())
                .withChatgptUrl(upstream.baseUrl() + "/backend-api/codex"));
    }

    RawClient client() throws Exception {
        return new RawClient(proxy.port());
    }

    /** A complete small Anthropic POST with a Content-Length, as one string. */
    static String post(String path, String body) {
        return "POST " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nx-api-key: k\r\nanthropic-version: 2023-06-01\r\n"
                + "Content-Type: application/json\r\nContent-Length: "
                + body.getBytes(java.nio.charset.StandardCharsets.UTF_8).length + "\r\n\r\n" + body;
    }

    /** Sends one POST on a new connection and reads the whole answer (the proxy closes or the wait ends). */
    RawClient.Answer exchange(String path, String body) throws Exception {
        try (RawClient c = client()) {
            c.send(post(path, body).replace("\r\n\r\n", "\r\nConnection: close\r\n\r\n"));
            return c.readAll(10_000);
        }
    }

    @Override
    public void close() {
        proxy.close();
        upstream.close();
    }
}
