package dev.headroom.proxy.compress;

import dev.headroom.engine.CompressionMode;
import dev.headroom.engine.CompressionResult;
import dev.headroom.engine.HeadroomEngine;
import dev.headroom.engine.RequestOptions;
import dev.headroom.engine.UnitReport;
import dev.headroom.engine.format.WireFormat;
import dev.headroom.engine.tokens.TokenCounter;
import dev.headroom.engine.tokens.TokenCounters;
import dev.headroom.engine.tokens.TokenEstimator;
import dev.headroom.proxy.forward.Exchange;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Runs the engine on one request body under the proxy's rules: per-request opt-out headers, sticky
 * {@code headroom_retrieve} per session, a hard time budget (the original goes out when it runs over),
 * and honest token figures (exact counts for the units that changed, a labelled estimate for the rest).
 */
public final class CompressionStage {

    /** What to forward. {@code result} is null when the engine did not run. */
    public record Outcome(byte[] body, CompressionResult result, Sessions.Session session) {
        public boolean modified() {
            return result != null && result.modified();
        }

        public boolean retrieveToolInjected() {
            return result != null && result.retrieveToolInjected();
        }
    }

    private final HeadroomEngine engine;
    private final Sessions sessions;
    private final CompressionMode mode;
    private final boolean optimize;
    private final long budgetMillis;
    private final ExecutorService workers = Executors.newVirtualThreadPerTaskExecutor();

    public CompressionStage(HeadroomEngine engine, Sessions sessions, CompressionMode mode, boolean optimize) {
        this.engine = engine;
        this.sessions = sessions;
        this.mode = mode;
        this.optimize = optimize;
        this.budgetMillis = engine.settings().timeBudgetMillis();
    }

    public HeadroomEngine engine() {
        return engine;
    }

    public Sessions sessions() {
        return sessions;
    }

    /** Why a request must not be compressed, or null. */
    public String skipReason(Map<String, String> headers) {
        if (!optimize) {
            return "no-optimize";
        }
        if ("true".equalsIgnoreCase(headers.getOrDefault("x-headroom-bypass", "").trim())) {
            return "bypass header";
        }
        if ("passthrough".equalsIgnoreCase(headers.getOrDefault("x-headroom-mode", "").trim())) {
            return "bypass (x-headroom-mode: passthrough)";
        }
        return null;
    }

    /** Compresses {@code body} (decoded), recording figures into {@code x}. Never throws. */
    public Outcome apply(byte[] body, WireFormat format, Map<String, String> headers, Exchange x) {
        Sessions.Session session = sessions.get(Sessions.keyOf(headers, body));
        session.turns.incrementAndGet();
        x.session = session.key;
        CompressionMode requested = mode;
        String hm = headers.get("x-headroom-mode");
        if (hm != null && !hm.isBlank()) {
            try {
                requested = CompressionMode.parse(hm);
            } catch (IllegalArgumentException ignored) {
                // unknown value: keep the configured mode
            }
        }
        RequestOptions options = RequestOptions.defaults().withFormat(format)
                .withForceRetrieveTool(session.retrieveTool()).withMode(requested);
        CompressionResult r;
        Future<CompressionResult> f = workers.submit(() -> engine.compress(body, options));
        try {
            r = f.get(budgetMillis + 250, TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            f.cancel(true);
            x.skipReason = "time budget of " + budgetMillis + " ms exceeded";
            return new Outcome(body, null, session);
        } catch (Exception e) {
            x.skipReason = "engine error: " + e;
            return new Outcome(body, null, session);
        }
        x.engineRan = true;
        x.model = r.model() == null ? "" : r.model();
        if (r.passthroughReason() != null) {
            x.skipReason = r.passthroughReason();
        }
        if (r.retrieveToolInjected() || !r.ccrHashes().isEmpty()) {
            session.markRetrieveTool();
        }
        boolean anthropic = format == WireFormat.ANTHROPIC;
        long before = TokenEstimator.estimate(new String(body, StandardCharsets.UTF_8));
        long saved = 0;
        String tokenizer = "estimate";
        if (r.modified()) {
            TokenCounter counter = TokenCounters.forModel(x.model, anthropic);
            saved = Math.max(0, r.unitTokensBefore(counter) - r.unitTokensAfter(counter));
            tokenizer = counter.label() + (counter.estimate() ? " (estimate)" : "") + " for tool outputs; body estimate";
            for (UnitReport u : r.units()) {
                if (u.compressed()) {
                    x.transforms.add(u.transform().toLowerCase(Locale.ROOT));
                }
            }
            x.ccrHashes.addAll(r.ccrHashes());
        }
        x.compressed = r.modified();
        x.tokensBefore = Math.max(before, saved);
        x.tokensAfter = x.tokensBefore - saved;
        x.tokenizer = tokenizer;
        return new Outcome(r.body(), r, session);
    }
}
