package dev.headroom.engine;

import dev.headroom.engine.ccr.ContentHash;
import dev.headroom.engine.ccr.InMemoryRetrievalStore;
import dev.headroom.engine.ccr.Markers;
import dev.headroom.engine.ccr.RetrievalStore;
import dev.headroom.engine.ccr.RetrieveTool;
import dev.headroom.engine.format.JsonSpans;
import dev.headroom.engine.format.RequestScan;
import dev.headroom.engine.format.RequestScanner;
import dev.headroom.engine.format.Splicer;
import dev.headroom.engine.format.ToolOutput;
import dev.headroom.engine.format.WireFormat;
import dev.headroom.engine.memo.Decision;
import dev.headroom.engine.memo.DecisionMemo;
import dev.headroom.engine.memo.InMemoryDecisionMemo;
import dev.headroom.engine.policy.OutputBudget;
import dev.headroom.engine.policy.UnitPolicy;
import dev.headroom.engine.relevance.RelevanceScorer;
import dev.headroom.engine.transform.ContentRouter;
import dev.headroom.engine.transform.ContentType;
import dev.headroom.engine.transform.TransformContext;
import dev.headroom.engine.transform.TransformResult;
import dev.headroom.engine.tokens.TokenEstimator;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The engine's facade: request bytes in, compressed request bytes and a report out.
 *
 * <pre>{@code
 * HeadroomEngine engine = HeadroomEngine.create(EngineSettings.defaults());
 * CompressionResult r = engine.compress(body, RequestOptions.defaults());
 * send(r.body());
 * }</pre>
 *
 * Immutable and thread-safe. It never throws from {@link #compress}: anything unexpected sends the
 * original bytes on, with {@link CompressionResult#passthroughReason()} saying why (fail-open).
 */
public final class HeadroomEngine {

    private final EngineSettings settings;
    private final RetrievalStore store;
    private final DecisionMemo memo;
    private final ContentRouter router;
    private final UnitPolicy policy;
    private final RelevanceScorer relevance;

    private HeadroomEngine(EngineSettings settings, RetrievalStore store, DecisionMemo memo, ContentRouter router,
                           RelevanceScorer relevance) {
        this.settings = settings;
        this.store = store;
        this.memo = memo;
        this.router = router;
        this.policy = new UnitPolicy(settings);
        this.relevance = relevance;
    }

    /** An engine with an in-memory store and memo, for embedded use. */
    public static HeadroomEngine create(EngineSettings settings) {
        return new HeadroomEngine(settings, new InMemoryRetrievalStore(), new InMemoryDecisionMemo(),
                ContentRouter.standard(), RelevanceScorer.bm25());
    }

    public static HeadroomEngine create(EngineSettings settings, RetrievalStore store, DecisionMemo memo) {
        return new HeadroomEngine(settings, store, memo, ContentRouter.standard(), RelevanceScorer.bm25());
    }

    /** A copy that routes with {@code value} (e.g. with an optional code or prose compressor registered). */
    public HeadroomEngine withRouter(ContentRouter value) {
        return new HeadroomEngine(settings, store, memo, value, relevance);
    }

    public HeadroomEngine withSettings(EngineSettings value) {
        return new HeadroomEngine(value, store, memo, router, relevance);
    }

    /**
     * A copy that ranks rows, hits and lines with {@code value} (BM25 when it declines or fails) and whose
     * settings name it, so its decisions are memoized apart from those of any other scorer.
     */
    public HeadroomEngine withRelevance(RelevanceScorer value) {
        RelevanceScorer scorer = value == null ? RelevanceScorer.bm25() : value;
        return new HeadroomEngine(settings.withRelevance(scorer.name()), store, memo, router, scorer);
    }

    /** The scorer the selectors rank with. */
    public RelevanceScorer relevance() {
        return relevance;
    }

    public EngineSettings settings() {
        return settings;
    }

    public RetrievalStore store() {
        return store;
    }

    public ContentRouter router() {
        return router;
    }

    /** Compresses one request body. Never throws; returns the original bytes on any failure. */
    public CompressionResult compress(byte[] body, RequestOptions options) {
        long started = System.nanoTime();
        RequestScan scan;
        try {
            scan = RequestScanner.scan(body, options.format());
        } catch (RuntimeException | StackOverflowError e) {
            return CompressionResult.passthrough(body, null, "unparseable: " + e.getMessage(), System.nanoTime() - started);
        }
        try {
            return compress(body, scan, options, started);
        } catch (RuntimeException | StackOverflowError e) {
            return CompressionResult.passthrough(body, scan.format(), "engine error: " + e, System.nanoTime() - started);
        }
    }

    private CompressionResult compress(byte[] body, RequestScan scan, RequestOptions options, long started) {
        CompressionMode mode = options.mode() != null ? options.mode() : settings.mode();
        String query = options.query() != null ? options.query() : scan.latestUserText();
        long deadline = started + settings.timeBudgetMillis() * 1_000_000L;
        Splicer splicer = new Splicer();
        List<UnitReport> reports = new ArrayList<>();
        Set<String> hashes = new LinkedHashSet<>();
        int index = 0;
        for (ToolOutput unit : scan.outputs()) {
            if (System.nanoTime() > deadline) {
                return CompressionResult.passthrough(body, scan.format(), "time budget of "
                        + settings.timeBudgetMillis() + " ms exceeded", System.nanoTime() - started);
            }
            UnitReport report = compressUnit(index++, unit, body, mode, query);
            reports.add(report);
            if (report.compressed()) {
                splicer.replace(unit.start(), unit.end(body), JsonSpans.encode(report.result()));
                if (report.lossy()) {
                    store.put(ContentHash.of(report.original()), report.original());
                    hashes.addAll(Markers.hashes(report.result()));
                }
            }
        }
        boolean inject = (!hashes.isEmpty() || options.forceRetrieveTool()) && !scan.toolsDefineRetrieve();
        if (inject) {
            injectRetrieveTool(splicer, scan);
        }
        if (splicer.isEmpty()) {
            return new CompressionResult(body, false, scan.format(), scan.model(), reports, Set.of(), false, null,
                    System.nanoTime() - started);
        }
        byte[] out = splicer.apply(body);
        return new CompressionResult(out, true, scan.format(), scan.model(), reports, hashes, inject, null,
                System.nanoTime() - started);
    }

    private UnitReport compressUnit(int index, ToolOutput unit, byte[] body, CompressionMode mode, String query) {
        Supplier<String> lazy = () -> JsonSpans.decode(body, unit.start(), unit.end(body));
        UnitPolicy.Verdict early = policy.checkWithoutText(unit);
        if (early == null && unit.surelyShorterThan(settings.minUnitChars())) {
            early = UnitPolicy.Verdict.skip("below-size-gate");
        }
        if (early != null) {
            return kept(index, unit, "", lazy, "keep:" + early.reason(), false);
        }
        String text = lazy.get();
        Supplier<String> known = () -> text;
        UnitPolicy.Verdict verdict = policy.check(unit, text);
        if (verdict.skip()) {
            return kept(index, unit, "", known, "keep:" + verdict.reason(), false);
        }
        boolean lossless = mode == CompressionMode.LOSSLESS || verdict.losslessOnly();
        String treatment = lossless ? "lossless" : verdict.errorOutput() ? "balanced-error" : "balanced";
        String key = ContentHash.ofParts(settings.fingerprint(), treatment, text);
        Decision cached = memo.get(key).orElse(null);
        if (cached == null) {
            cached = memo.get(producedKey(text)).orElse(null);
        }
        ContentType type = null;
        boolean hit = cached != null;
        if (cached == null) {
            String hash = ContentHash.of(text);
            TransformContext ctx = new TransformContext(mode, lossless, query, hash, unit.toolName(),
                    OutputBudget.forUnit(settings.maxOutputChars(), text.length()), relevance, verdict.errorOutput());
            ContentRouter.Routed routed = router.route(text, ctx);
            type = routed.type();
            cached = memo.remember(key, recentCodeRule(unit, accept(text, routed.result(), hash, lossless, type), type));
            if (!cached.keepsOriginal()) {
                memo.remember(producedKey(cached.compressed()), ALREADY_COMPRESSED);
            }
        }
        String typeLabel = type != null ? type.label() : cachedType(cached);
        if (cached.keepsOriginal()) {
            return kept(index, unit, typeLabel, known, cached.transform(), hit);
        }
        return new UnitReport(index, unit.toolName(), typeLabel, stripType(cached.transform()), known,
                cached.compressed(), cached.lossy(), hit);
    }

    /**
     * The memo key under which the engine notes a text it produced: fed back to it (an agent that echoes a compressed
     * output, a second interposer using the same store), such a text is already compressed and is left alone, even
     * when it holds no marker (a lossless table, say).
     */
    private String producedKey(String text) {
        return ContentHash.ofParts(settings.fingerprint(), "produced", text);
    }

    private static final Decision ALREADY_COMPRESSED = Decision.keep("already-compressed");

    /** Applies the acceptance rules: real gain, no inflation, markers only with their hash, lossless when required. */
    private Decision accept(String text, TransformResult result, String hash, boolean lossless, ContentType type) {
        String prefix = type.label() + "/";
        if (result == null) {
            return Decision.keep(prefix + "no-transform");
        }
        if (result.lossy() && (lossless || !result.text().contains(hash))) {
            return Decision.keep(prefix + "rejected-lossy");
        }
        if (result.text().length() >= text.length()) {
            return Decision.keep(prefix + "no-gain");
        }
        // Half the characters or fewer is a real token gain whatever the text; nearer the line, estimate tokens
        // (estimating a 100 KB unit costs more than some compressors do).
        if (result.text().length() > text.length() / 2) {
            int before = TokenEstimator.estimate(text);
            int after = TokenEstimator.estimate(result.text());
            if (after > before * (1.0 - settings.minSavings())) {
                return Decision.keep(prefix + "no-gain");
            }
        }
        return new Decision(result.text(), prefix + result.transform(), result.lossy());
    }

    /**
     * Code the agent is working with (in the newest messages) stays as it is; the decision is memoized like
     * any other, so the unit keeps its bytes on every later turn (the stable-across-turns rule wins over
     * compressing it once it is older).
     */
    private Decision recentCodeRule(ToolOutput unit, Decision decision, ContentType type) {
        boolean code = type == ContentType.CODE && !decision.transform().endsWith(".protected");
        if (code && !decision.keepsOriginal() && unit.messagesFromEnd() < settings.protectRecentCode()) {
            return Decision.keep(type.label() + "/recent-code");
        }
        return decision;
    }

    private static String cachedType(Decision d) {
        String t = d.transform().startsWith("keep:") ? d.transform().substring(5) : d.transform();
        int slash = t.indexOf('/');
        return slash > 0 ? t.substring(0, slash) : "";
    }

    private static String stripType(String transform) {
        int slash = transform.indexOf('/');
        return slash > 0 ? transform.substring(slash + 1) : transform;
    }

    private static UnitReport kept(int index, ToolOutput unit, String type, Supplier<String> text, String reason,
                                   boolean hit) {
        String r = reason;
        if (r.startsWith("keep:") && r.indexOf('/') > 0) {
            r = "keep:" + r.substring(r.indexOf('/') + 1);
        }
        return new UnitReport(index, unit.toolName(), type, r, text, null, false, hit);
    }

    private static void injectRetrieveTool(Splicer splicer, RequestScan scan) {
        byte[] tool = RetrieveTool.definition(scan.format());
        if (scan.toolsStart() >= 0) {
            splicer.insert(scan.toolsEnd(), scan.toolsEmpty() ? tool : concat(",", tool));
        } else {
            byte[] field = concat("\"tools\":[", tool);
            field = concat(new String(field, java.nio.charset.StandardCharsets.UTF_8), "]".getBytes());
            splicer.insert(scan.rootEnd(), scan.rootEmpty() ? field : concat(",", field));
        }
    }

    private static byte[] concat(String prefix, byte[] rest) {
        byte[] p = prefix.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        byte[] out = new byte[p.length + rest.length];
        System.arraycopy(p, 0, out, 0, p.length);
        System.arraycopy(rest, 0, out, p.length, rest.length);
        return out;
    }

    /** The wire format {@code body} would be compressed as, or null when it is not understood. */
    public static WireFormat detect(byte[] body) {
        try {
            return RequestScanner.scan(body, null).format();
        } catch (RuntimeException e) {
            return null;
        }
    }
}
