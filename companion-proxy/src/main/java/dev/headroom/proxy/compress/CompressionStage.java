package dev.headroom.proxy.compress;

import dev.headroom.engine.CompressionMode;
import dev.headroom.engine.CompressionResult;
import dev.headroom.engine.HeadroomEngine;
import dev.headroom.engine.RequestOptions;
import dev.headroom.engine.UnitReport;
import dev.headroom.engine.format.RequestScan;
import dev.headroom.engine.format.RequestScanner;
import dev.headroom.engine.format.ToolOutput;
import dev.headroom.engine.format.WireFormat;
import dev.headroom.engine.tokens.TokenCounter;
import dev.headroom.engine.tokens.TokenCounters;
import dev.headroom.proxy.forward.Exchange;

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

    /** The engine's result with its token figures, computed on the worker. */
    private record Counted(CompressionResult result, long saved, String label) {
    }

    /** Bodies up to this size are scanned on the request thread to see whether the engine has any work. */
    static final int INLINE_SCAN_MAX = 64 * 1024;

    private final HeadroomEngine engine;
    private final Sessions sessions;
    private final CompressionMode mode;
    private final boolean optimize;
    private final long budgetMillis;
    // Platform threads: a compression that never ends (an engine bug) must not pin one of the few carrier
    // threads that virtual threads share; the request itself goes on with the original at the budget.
    private final ExecutorService workers = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "headroom-compress");
        t.setDaemon(true);
        return t;
    });

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
        boolean anthropic = format == WireFormat.ANTHROPIC;
        Counted counted;
        if (nothingToTransform(body, format, options.forceRetrieveTool(), engine.settings().minUnitChars())) {
            // The engine would only re-parse the body and hand it back: doing that here spares two thread
            // hand-offs (submit, then wake the waiting request thread), each of which can wait a few ms for a
            // CPU on a busy machine -- most of the proxy's added latency on ordinary chat turns.
            counted = count(engine.compress(body, options), anthropic);
        } else {
            // Everything that reads the body's text runs under the time budget, token counting included: a
            // pathological body must cost the request at most the budget, never hang it.
            Future<Counted> f = workers.submit(() -> count(engine.compress(body, options), anthropic));
            try {
                counted = f.get(budgetMillis + 250, TimeUnit.MILLISECONDS);
            } catch (TimeoutException e) {
                f.cancel(true);
                x.skipReason = "time budget of " + budgetMillis + " ms exceeded";
                return new Outcome(body, null, session);
            } catch (Exception e) {
                x.skipReason = "engine error: " + e;
                return new Outcome(body, null, session);
            }
        }
        CompressionResult r = counted.result();
        x.engineRan = true;
        x.model = r.model() == null ? "" : r.model();
        if (r.passthroughReason() != null) {
            x.skipReason = r.passthroughReason();
        }
        if (r.retrieveToolInjected() || !r.ccrHashes().isEmpty()) {
            session.markRetrieveTool();
        }
        // the whole request, estimated from its size (about 4 bytes a token for JSON-wrapped English and code)
        long before = Math.round(body.length / 4.0);
        long saved = counted.saved();
        String tokenizer = counted.label();
        if (r.modified()) {
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

    private static Counted count(CompressionResult res, boolean anthropic) {
        long saved = 0;
        String label = "estimate";
        if (res.modified()) {
            TokenCounter counter = TokenCounters.forModel(res.model() == null ? "" : res.model(), anthropic);
            saved = Math.max(0, res.unitTokensBefore(counter) - res.unitTokensAfter(counter));
            label = counter.label() + (counter.estimate() ? " (estimate)" : "") + " for tool outputs; body bytes/4";
        }
        return new Counted(res, saved, label);
    }

    /**
     * True when the engine cannot change {@code body}: it parses (a streaming, linear-time JSON scan, like the
     * session hash the request thread already does), every tool output is under the engine's size gate, and no
     * retrieve tool is forced in. The engine then transforms nothing and injects nothing, so running it on the
     * request thread cannot exceed the time budget. Only bodies up to {@link #INLINE_SCAN_MAX} bytes are looked
     * at, so a big body is not parsed twice.
     */
    static boolean nothingToTransform(byte[] body, WireFormat format, boolean forceRetrieveTool, int minUnitChars) {
        if (forceRetrieveTool || body.length > INLINE_SCAN_MAX) {
            return false;
        }
        RequestScan scan;
        try {
            scan = RequestScanner.scan(body, format);
        } catch (RuntimeException | StackOverflowError e) {
            return false; // the engine reports why, on the worker as before
        }
        for (ToolOutput unit : scan.outputs()) {
            if (!unit.surelyShorterThan(minUnitChars)) {
                return false;
            }
        }
        return true;
    }
}
