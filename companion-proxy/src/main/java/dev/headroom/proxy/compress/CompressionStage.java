package dev.headroom.proxy.compress;

import dev.headroom.engine.CompressionMode;
import dev.headroom.engine.CompressionResult;
import dev.headroom.engine.HeadroomEngine;
import dev.headroom.engine.RequestOptions;
import dev.headroom.engine.UnitReport;
import dev.headroom.engine.ccr.RetrieveTool;
import dev.headroom.engine.format.RequestScan;
import dev.headroom.engine.format.RequestScanner;
import dev.headroom.engine.format.ToolOutput;
import dev.headroom.engine.format.WireFormat;
import dev.headroom.engine.tokens.TokenCounter;
import dev.headroom.engine.tokens.TokenCounters;
import dev.headroom.proxy.record.ExchangeRecorder;

import java.util.List;
import java.util.Locale;
import java.util.Set;
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

    /** What to forward. {@code result} is null when the engine did not run; {@code session} null when none was named. */
    public record Outcome(byte[] body, CompressionResult result, Sessions.Session session) {
        public boolean modified() {
            return result != null && result.modified();
        }

        public boolean retrieveToolInjected() {
            return result != null && result.retrieveToolInjected();
        }
    }

    /** Tokens of the tool outputs before and as sent, and how they were counted. */
    private record Counted(long before, long after, String label) {
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

    private static final byte[] RETRIEVE_NAME = RetrieveTool.NAME.getBytes(java.nio.charset.StandardCharsets.US_ASCII);

    /**
     * Whether {@code headroom_retrieve} goes in although this turn has no markers of its own: only for a session
     * the client names ({@code x-headroom-session-id} or its own session header) that once carried markers, so its
     * tools prefix stays byte-identical for the prompt cache; or when the conversation itself mentions the tool
     * (an earlier turn's marker or call). A key made from the body (model + system prompt) could join unrelated
     * clients, so it never makes the tool sticky: a request with nothing compressed and no marker history goes out
     * byte for byte.
     */
    static boolean forceRetrieveTool(Sessions.Session session, byte[] body) {
        if (session != null && session.retrieveTool()) {
            return true;
        }
        return dev.headroom.dialects.SseEvents.mentions(body, RETRIEVE_NAME);
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
    public Outcome apply(byte[] body, WireFormat format, Map<String, String> headers, ExchangeRecorder x) {
        String key = Sessions.keyOf(headers);
        Sessions.Session session = key == null ? null : sessions.get(key);
        if (session != null) {
            session.turns.incrementAndGet();
            x.session(session.key);
        }
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
                .withForceRetrieveTool(forceRetrieveTool(session, body)).withMode(requested);
        boolean anthropic = format == WireFormat.ANTHROPIC;
        CompressionResult r;
        RequestScan quiet = quietScan(body, format, options.forceRetrieveTool(), engine.settings().minUnitChars());
        if (quiet != null && quiet.outputs().isEmpty()) {
            // No tool output at all (an ordinary chat turn): the engine would parse the body a second time to hand
            // it back unchanged with no unit to report, which is what this result says.
            r = new CompressionResult(body, false, quiet.format(), quiet.model(), List.of(), Set.of(), false, null, 0);
        } else if (quiet != null) {
            // The engine would only re-parse the body and hand it back: doing that here spares two thread
            // hand-offs (submit, then wake the waiting request thread), each of which can wait a few ms for a
            // CPU on a busy machine -- most of the proxy's added latency on ordinary chat turns.
            r = engine.compress(body, options);
        } else {
            // Everything that reads the body's text runs under the time budget: a pathological body must cost
            // the request at most the budget, never hang it.
            Future<CompressionResult> f = workers.submit(() -> engine.compress(body, options));
            try {
                r = f.get(budgetMillis + 250, TimeUnit.MILLISECONDS);
            } catch (TimeoutException e) {
                f.cancel(true);
                x.skipped("time budget of " + budgetMillis + " ms exceeded");
                return new Outcome(body, null, session);
            } catch (Exception e) {
                x.skipped("engine error: " + e);
                return new Outcome(body, null, session);
            }
        }
        x.engineRan(r.model(), body.length, r.body().length, r.modified());
        if (r.passthroughReason() != null) {
            x.skipped(r.passthroughReason());
        }
        if (session != null && (r.retrieveToolInjected() || !r.ccrHashes().isEmpty())) {
            session.markRetrieveTool();
        }
        if (r.modified()) {
            for (UnitReport u : r.units()) {
                if (u.compressed()) {
                    x.transform(u.transform().toLowerCase(Locale.ROOT));
                }
            }
            x.ccrHashes(r.ccrHashes());
        }
        if (r.units().isEmpty()) {
            return new Outcome(r.body(), r, session);
        }
        // Before, after and saved are one counter's counts of one text, the request's tool outputs (what the engine
        // compresses), so they add up; the body's size is recorded apart, in bytes. Exact counts (jtokkit over every
        // original) took most of the time a compressed request spent in the proxy, so they are counted on a worker
        // while the request travels and settled when first read (ExchangeRecorder.settleFigures).
        CompressionResult result = r;
        Future<Counted> counting = workers.submit(() -> count(result, anthropic));
        long countingStarted = System.nanoTime();
        x.figuresLater(() -> {
            long waited = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - countingStarted);
            try {
                Counted c = counting.get(Math.max(0, budgetMillis + 250 - waited), TimeUnit.MILLISECONDS);
                x.figures(c.before(), c.after(), c.label());
            } catch (Exception e) {
                counting.cancel(true);
                // labelled fallback over the same text: the tool outputs' characters, about 4 a token
                x.figures(Math.round(chars(result, false) / 4.0), Math.round(chars(result, true) / 4.0),
                        "estimate (tool-output chars/4; token count over the time budget)");
            }
        });
        return new Outcome(r.body(), r, session);
    }

    private static long chars(CompressionResult r, boolean after) {
        long n = 0;
        for (UnitReport u : r.units()) {
            n += after && u.compressed() ? u.result().length() : u.original().length();
        }
        return n;
    }

    private static Counted count(CompressionResult res, boolean anthropic) {
        TokenCounter counter = TokenCounters.forModel(res.model() == null ? "" : res.model(), anthropic);
        return new Counted(res.unitTokensBefore(counter), res.unitTokensAfter(counter),
                counter.label() + (counter.estimate() ? " (estimate)" : "") + " of tool outputs");
    }

    /**
     * True when the engine cannot change {@code body}: it parses (a streaming, linear-time JSON scan, like the
     * session hash the request thread already does), every tool output is under the engine's size gate, and no
     * retrieve tool is forced in. The engine then transforms nothing and injects nothing, so running it on the
     * request thread cannot exceed the time budget. Only bodies up to {@link #INLINE_SCAN_MAX} bytes are looked
     * at, so a big body is not parsed twice.
     */
    static boolean nothingToTransform(byte[] body, WireFormat format, boolean forceRetrieveTool, int minUnitChars) {
        return quietScan(body, format, forceRetrieveTool, minUnitChars) != null;
    }

    /** The body's scan when {@link #nothingToTransform} holds, else null. */
    private static RequestScan quietScan(byte[] body, WireFormat format, boolean forceRetrieveTool, int minUnitChars) {
        if (forceRetrieveTool || body.length > INLINE_SCAN_MAX) {
            return null;
        }
        RequestScan scan;
        try {
            scan = RequestScanner.scan(body, format);
        } catch (RuntimeException | StackOverflowError e) {
            return null; // the engine reports why, on the worker as before
        }
        for (ToolOutput unit : scan.outputs()) {
            if (!unit.surelyShorterThan(minUnitChars)) {
                return null;
            }
        }
        return scan;
    }
}
