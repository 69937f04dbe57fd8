package dev.headroom.agent.core;

import dev.headroom.agent.bootstrap.BodyRewriter;
import dev.headroom.engine.CompressionMode;
import dev.headroom.engine.CompressionResult;
import dev.headroom.engine.EngineSettings;
import dev.headroom.engine.HeadroomEngine;
import dev.headroom.engine.RequestOptions;

import java.util.Map;

/**
 * The agent's {@link BodyRewriter}: guards, then the engine in lossless mode, then statistics and the
 * savings ledger. Returns null (send the original) for anything it must not or could not touch.
 */
final class EngineRewriter implements BodyRewriter {

    private static final boolean DEBUG = Boolean.getBoolean("headroom.agent.debug");

    private final EndpointMatcher matcher;
    private final AgentStats stats;
    private final CircuitBreaker breaker;
    private final SavingsRecorder recorder;
    private final long maxBodyBytes;
    private final long timeBudgetMillis;
    private final boolean failEngineForTests;
    private volatile HeadroomEngine engine;

    EngineRewriter(EndpointMatcher matcher, AgentStats stats, CircuitBreaker breaker, SavingsRecorder recorder,
                   long maxBodyBytes, long timeBudgetMillis, boolean failEngineForTests) {
        this.matcher = matcher;
        this.stats = stats;
        this.breaker = breaker;
        this.recorder = recorder;
        this.maxBodyBytes = maxBodyBytes;
        this.timeBudgetMillis = timeBudgetMillis;
        this.failEngineForTests = failEngineForTests;
    }

    @Override
    public boolean isLlmEndpoint(String host, int port, String path) {
        return matcher.matches(host, port, path);
    }

    @Override
    public long maxBodyBytes() {
        return maxBodyBytes;
    }

    @Override
    public byte[] rewrite(String client, String host, String path, String contentType, Map<String, String> headers,
                          byte[] body) {
        if (body == null || body.length == 0 || body.length > maxBodyBytes) {
            return null;
        }
        stats.seen.incrementAndGet();
        if (!isJson(contentType) || RequestGuards.mustNotTouch(headers) || !breaker.allows()) {
            if (DEBUG) {
                AgentLog.info(client + " " + host + path + ": left alone (content type " + contentType
                        + ", signed/encoded " + RequestGuards.mustNotTouch(headers) + ", breaker " + breaker.allows() + ")");
            }
            return null;
        }
        CompressionResult result;
        try {
            if (failEngineForTests) {
                throw new IllegalStateException("engine forced to fail (headroom.agent.testFailEngine=true)");
            }
            result = engine().compress(body, RequestOptions.defaults().withMode(CompressionMode.LOSSLESS));
        } catch (Throwable t) {
            stats.engineFailures.incrementAndGet();
            breaker.failure();
            return null;
        }
        stats.engineNanos.addAndGet(result.elapsedNanos());
        String reason = result.passthroughReason();
        if (reason != null && (reason.startsWith("engine error") || reason.startsWith("time budget"))) {
            stats.engineFailures.incrementAndGet();
            breaker.failure();
            return null;
        }
        breaker.success();
        if (DEBUG) {
            AgentLog.info(client + " " + host + path + ": " + body.length + " -> " + result.body().length + " bytes"
                    + (reason == null ? "" : " (" + reason + ")") + " " + result.units());
        }
        if (!result.modified() || result.body().length >= body.length) {
            return null;
        }
        stats.compressed.incrementAndGet();
        stats.bytesBefore.addAndGet(body.length);
        stats.bytesAfter.addAndGet(result.body().length);
        recorder.submit(result, host);
        return result.body();
    }

    static boolean isJson(String contentType) {
        // No content type at all is common for hand-built JDK requests; the engine still refuses non-JSON.
        return contentType == null || contentType.toLowerCase(java.util.Locale.ROOT).contains("json");
    }

    private HeadroomEngine engine() {
        HeadroomEngine e = engine;
        if (e == null) {
            synchronized (this) {
                e = engine;
                if (e == null) {
                    EngineSettings settings;
                    try {
                        settings = EngineSettings.fromEnvironment(System.getenv());
                    } catch (RuntimeException bad) {
                        AgentLog.warn("ignoring HEADROOM_* engine settings: " + bad.getMessage());
                        settings = EngineSettings.defaults();
                    }
                    e = HeadroomEngine.create(settings.withMode(CompressionMode.LOSSLESS)
                            .withTimeBudgetMillis(timeBudgetMillis));
                    engine = e;
                }
            }
        }
        return e;
    }
}
