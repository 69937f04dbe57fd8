package dev.headroom.agent.adapter.jdk;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.Optional;

/**
 * The app's request with a compressed body; everything else is delegated. Also marks a request as
 * already rewritten, so nested send/sendAsync overloads do not compress twice.
 */
final class RewrittenHttpRequest extends HttpRequest {

    private final HttpRequest original;
    private final byte[] body;

    RewrittenHttpRequest(HttpRequest original, byte[] body) {
        this.original = original;
        this.body = body;
    }

    @Override
    public Optional<BodyPublisher> bodyPublisher() {
        return Optional.of(BodyPublishers.ofByteArray(body));
    }

    @Override
    public String method() {
        return original.method();
    }

    @Override
    public Optional<Duration> timeout() {
        return original.timeout();
    }

    @Override
    public boolean expectContinue() {
        return original.expectContinue();
    }

    @Override
    public URI uri() {
        return original.uri();
    }

    @Override
    public Optional<HttpClient.Version> version() {
        return original.version();
    }

    @Override
    public HttpHeaders headers() {
        return original.headers();
    }
}
