package dev.headroom.proxy.upstream;

import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.ProxySelector;
import java.net.SocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Executors;

/**
 * The one {@link HttpClient} the proxy uses for upstream calls: HTTP/1.1 by default (HTTP/2 is chosen per
 * request for https), {@code HTTPS_PROXY}/{@code HTTP_PROXY}/{@code NO_PROXY} honoured, and a corporate CA
 * bundle ({@code HEADROOM_CA_BUNDLE}, else {@code SSL_CERT_FILE}, else {@code REQUESTS_CA_BUNDLE}) trusted
 * in addition to the JDK's own roots.
 */
public final class OutboundClient {

    private OutboundClient() {
    }

    public static HttpClient create(Map<String, String> env) {
        HttpClient.Builder b = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10))
                .followRedirects(HttpClient.Redirect.NEVER)
                .executor(Executors.newCachedThreadPool(r -> {
                    Thread t = new Thread(r, "headroom-upstream");
                    t.setDaemon(true);
                    return t;
                }))
                .proxy(new EnvProxySelector(env));
        String bundle = firstNonBlank(env, "HEADROOM_CA_BUNDLE", "SSL_CERT_FILE", "REQUESTS_CA_BUNDLE");
        if (bundle != null) {
            b.sslContext(sslContextWith(Path.of(bundle)));
        }
        return b.build();
    }

    /** The JDK's default trust store plus every certificate in the PEM file at {@code bundle}. */
    static SSLContext sslContextWith(Path bundle) {
        try {
            TrustManagerFactory defaults = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            defaults.init((KeyStore) null);
            KeyStore ks = KeyStore.getInstance(KeyStore.getDefaultType());
            ks.load(null, null);
            int i = 0;
            for (var tm : defaults.getTrustManagers()) {
                if (tm instanceof X509TrustManager x) {
                    for (X509Certificate c : x.getAcceptedIssuers()) {
                        ks.setCertificateEntry("jdk-" + i++, c);
                    }
                }
            }
            try (InputStream in = Files.newInputStream(bundle)) {
                for (Certificate c : CertificateFactory.getInstance("X.509").generateCertificates(in)) {
                    ks.setCertificateEntry("bundle-" + i++, c);
                }
            }
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init(ks);
            SSLContext ctx = SSLContext.getInstance("TLS");
            ctx.init(null, tmf.getTrustManagers(), null);
            return ctx;
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalArgumentException("cannot read the CA bundle " + bundle + ": " + e.getMessage()
                    + " (set HEADROOM_CA_BUNDLE to a PEM file of certificates, or unset it)", e);
        }
    }

    private static String firstNonBlank(Map<String, String> env, String... keys) {
        for (String k : keys) {
            String v = env.get(k);
            if (v != null && !v.isBlank()) {
                return v.trim();
            }
        }
        return null;
    }

    /** Reads the conventional proxy variables (upper or lower case); loopback is always direct. */
    static final class EnvProxySelector extends ProxySelector {
        private final Proxy https;
        private final Proxy http;
        private final List<String> noProxy = new ArrayList<>();

        EnvProxySelector(Map<String, String> env) {
            https = proxyOf(firstNonBlank(env, "HTTPS_PROXY", "https_proxy", "ALL_PROXY", "all_proxy"));
            http = proxyOf(firstNonBlank(env, "HTTP_PROXY", "http_proxy", "ALL_PROXY", "all_proxy"));
            String np = firstNonBlank(env, "NO_PROXY", "no_proxy");
            if (np != null) {
                for (String s : np.split(",")) {
                    if (!s.isBlank()) {
                        noProxy.add(s.trim().toLowerCase(Locale.ROOT));
                    }
                }
            }
        }

        private static Proxy proxyOf(String url) {
            if (url == null) {
                return null;
            }
            URI u = URI.create(url.contains("://") ? url : "http://" + url);
            int port = u.getPort() > 0 ? u.getPort() : 3128;
            return new Proxy(Proxy.Type.HTTP, InetSocketAddress.createUnresolved(u.getHost(), port));
        }

        @Override
        public List<Proxy> select(URI uri) {
            Proxy p = "https".equalsIgnoreCase(uri.getScheme()) ? https : http;
            if (p == null || bypass(uri.getHost())) {
                return List.of(Proxy.NO_PROXY);
            }
            return List.of(p);
        }

        boolean bypass(String host) {
            String h = host == null ? "" : host.toLowerCase(Locale.ROOT);
            if (h.equals("localhost") || h.startsWith("127.") || h.equals("::1") || h.equals("[::1]")) {
                return true;
            }
            for (String n : noProxy) {
                if (n.equals("*")) {
                    return true;
                }
                String suffix = n.startsWith(".") ? n : "." + n;
                if (h.equals(n.startsWith(".") ? n.substring(1) : n) || h.endsWith(suffix)) {
                    return true;
                }
            }
            return false;
        }

        @Override
        public void connectFailed(URI uri, SocketAddress sa, IOException ioe) {
            // nothing to remember: the next request tries again
        }
    }
}
