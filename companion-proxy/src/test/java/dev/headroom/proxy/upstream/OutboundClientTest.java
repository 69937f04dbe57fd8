package dev.headroom.proxy.upstream;

import dev.headroom.proxy.ProxyConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.Proxy;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class OutboundClientTest {

    @TempDir
    Path dir;

    @Test
    void httpsProxyIsUsedExceptForNoProxyHostsAndLoopback() {
        var sel = new OutboundClient.EnvProxySelector(Map.of("HTTPS_PROXY", "http://corp-proxy:3128",
                "NO_PROXY", "internal.example,.corp.local"));
        Proxy p = sel.select(URI.create("https://api.anthropic.com/v1/messages")).get(0);
        assertEquals(Proxy.Type.HTTP, p.type());
        assertTrue(p.address().toString().contains("corp-proxy"));
        assertEquals(Proxy.NO_PROXY, sel.select(URI.create("https://internal.example/x")).get(0));
        assertEquals(Proxy.NO_PROXY, sel.select(URI.create("https://llm.corp.local/x")).get(0));
        assertEquals(Proxy.NO_PROXY, sel.select(URI.create("http://127.0.0.1:8799/x")).get(0));
        assertEquals(Proxy.NO_PROXY, sel.select(URI.create("http://plain.example/x")).get(0), "no HTTP_PROXY set");
    }

    @Test
    void caBundleIsAddedToTheDefaultTrustStore() throws Exception {
        // the JDK's own cacerts as a PEM bundle stand in for a corporate CA file
        var tmf = javax.net.ssl.TrustManagerFactory.getInstance(javax.net.ssl.TrustManagerFactory.getDefaultAlgorithm());
        tmf.init((java.security.KeyStore) null);
        var cert = ((javax.net.ssl.X509TrustManager) tmf.getTrustManagers()[0]).getAcceptedIssuers()[0];
        String pem = "-----BEGIN CERTIFICATE-----\n"
                + java.util.Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(cert.getEncoded())
                + "\n-----END CERTIFICATE-----\n";
        Path bundle = Files.writeString(dir.resolve("corp.pem"), pem);
        assertNotNull(OutboundClient.sslContextWith(bundle));
        assertNotNull(OutboundClient.create(Map.of("HEADROOM_CA_BUNDLE", bundle.toString())));
        Path bad = Files.writeString(dir.resolve("bad.pem"), "not a certificate");
        var e = assertThrows(IllegalArgumentException.class, () -> OutboundClient.create(Map.of("SSL_CERT_FILE", bad.toString())));
        assertTrue(e.getMessage().contains("HEADROOM_CA_BUNDLE"));
    }

    @Test
    void routesByPathAndAuthHeaders() {
        ProxyConfig c = ProxyConfig.fromEnvironment(Map.of()).withAnthropicUrl("http://a").withOpenaiUrl("http://o")
                .withChatgptUrl("http://c/backend-api/codex");
        UpstreamRouter r = new UpstreamRouter(c);
        assertEquals("http://a/v1/messages?beta=true", r.route("/v1/messages", "beta=true", Map.of()).uri().toString());
        assertEquals("http://o/v1/responses", r.route("/v1/responses", null, Map.of("authorization", "Bearer sk-x")).uri().toString());
        assertEquals(Provider.ANTHROPIC, r.route("/v1/models", null, Map.of("x-api-key", "k")).provider());
        assertEquals(Provider.ANTHROPIC, r.route("/v1/models", null, Map.of("authorization", "Bearer sk-ant-x")).provider());
        assertEquals(Provider.OPENAI, r.route("/v1/models", null, Map.of("authorization", "Bearer sk-x")).provider());
        String claims = java.util.Base64.getUrlEncoder().withoutPadding()
                .encodeToString("{\"https://api.openai.com/auth\":{\"chatgpt_account_id\":\"acc\"}}".getBytes());
        var chatgpt = r.route("/v1/responses", null, Map.of("authorization", "Bearer h." + claims + ".s"));
        assertEquals("http://c/backend-api/codex/responses", chatgpt.uri().toString());
        assertEquals("http://c/backend-api/codex/responses",
                r.route("/backend-api/codex/responses", null, Map.of("chatgpt-account-id", "acc")).uri().toString());
    }
}
