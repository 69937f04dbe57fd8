package dev.headroom.proxy.upstream;

import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.Proxy;
import java.net.ProxySelector;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.function.Consumer;

/**
 * Sends one upstream request: plain {@code http://} without an outbound proxy goes over {@link DirectHttp1} on the
 * calling thread; everything else (TLS, HTTP/2, outbound proxies, custom CA bundles) over the JDK client, whose
 * framing checks are its own. Either way a failure is an {@link UpstreamFailure}, resent only as {@link RetryPolicy}
 * allows, and the response head must start within the first-byte deadline.
 */
public final class UpstreamTransport implements AutoCloseable {

    private final HttpClient client;
    private final ProxySelector proxies;
    private final DirectHttp1 direct = new DirectHttp1();
    /** The library client of the A/B, when chosen ({@code HEADROOM_UPSTREAM_CLIENT=httpclient5}); else null. */
    private final ApacheHttp1 apache;

    public UpstreamTransport(Map<String, String> env) {
        this.client = OutboundClient.create(env);
        this.proxies = new OutboundClient.EnvProxySelector(env);
        this.apache = "httpclient5".equals(env.get("HEADROOM_UPSTREAM_CLIENT")) ? new ApacheHttp1() : null;
    }

    /**
     * @param firstByteMillis how long the upstream may take to start its response
     * @param onCancel        receives the action that aborts the call (a client that leaves runs it)
     */
    public HttpResponse<InputStream> send(HttpRequest request, byte[] body, long firstByteMillis,
                                          Consumer<Runnable> onCancel) throws UpstreamFailure, InterruptedException {
        for (int attempt = 1; ; attempt++) {
            try {
                return once(request, body, firstByteMillis, onCancel);
            } catch (UpstreamFailure f) {
                if (!RetryPolicy.mayResend(f, attempt)) {
                    throw f;
                }
            }
        }
    }

    private HttpResponse<InputStream> once(HttpRequest request, byte[] body, long firstByteMillis,
                                           Consumer<Runnable> onCancel) throws UpstreamFailure, InterruptedException {
        if ("http".equalsIgnoreCase(request.uri().getScheme())
                && proxies.select(request.uri()).get(0).type() == Proxy.Type.DIRECT) {
            if (apache != null) {
                return apache.send(request, body, firstByteMillis, onCancel);
            }
            try {
                return direct.send(request, body, firstByteMillis, onCancel);
            } catch (UpstreamFailure f) {
                throw f;
            } catch (IOException e) {
                throw new UpstreamFailure(UpstreamFailure.Kind.UNREACHABLE, e.getMessage(), false, e);
            }
        }
        HttpRequest timed = HttpRequest.newBuilder(request, (n, v) -> true)
                .timeout(Duration.ofMillis(Math.max(1, firstByteMillis))).build();
        CompletableFuture<HttpResponse<InputStream>> f = client.sendAsync(timed, HttpResponse.BodyHandlers.ofInputStream());
        onCancel.accept(() -> f.cancel(true));
        try {
            return f.get();
        } catch (CancellationException e) {
            throw new UpstreamFailure(UpstreamFailure.Kind.UNREACHABLE, "cancelled: the client left", false, e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof HttpTimeoutException) {
                throw new UpstreamFailure(UpstreamFailure.Kind.TIMEOUT, "no response within the first-byte deadline of "
                        + firstByteMillis + " ms", false, cause);
            }
            // the JDK client never resends a POST itself; a refused connect provably sent nothing
            throw new UpstreamFailure(UpstreamFailure.Kind.UNREACHABLE, String.valueOf(cause.getMessage()),
                    cause instanceof ConnectException, cause);
        }
    }

    @Override
    public void close() {
        direct.close();
        if (apache != null) {
            apache.close();
        }
        client.close();
    }
}
