package dev.headroom.cli;

import dev.headroom.engine.HeadroomEngine;
import dev.headroom.engine.transform.Compressor;
import dev.headroom.engine.transform.ContentRouter;
import dev.headroom.engine.transform.ContentType;
import dev.headroom.engine.transform.TransformContext;
import dev.headroom.engine.transform.TransformResult;
import dev.headroom.engine.transform.text.TextCompressor;
import dev.headroom.prose.ProseCompressor;
import dev.headroom.prose.ProseEngine;
import dev.headroom.prose.relevance.MiniLmScorer;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Registers the optional engines that can run here: the code compressor (tree-sitter; Java 22+) and
 * Kompress (ONNX) for {@link ContentType#CODE} and {@link ContentType#TEXT}, tried in that order, with the
 * built-in lossless text compressor last for the units both decline.
 *
 * <p>Nothing here blocks a request on a model: the code engine's natives (about 0.2-0.5 s in a cold JVM)
 * and the Kompress model are found, downloaded and loaded on daemon threads. A unit that holds code may
 * wait for the tree-sitter natives if it arrives first; prose passes through until Kompress is ready. {@code HEADROOM_CODE_COMPRESSOR=off} and
 * {@code HEADROOM_KOMPRESS=off} switch either off.
 *
 * <p>{@code HEADROOM_RELEVANCE=minilm|hybrid} (read into the engine's settings) installs the MiniLM relevance
 * scorer; its model loads in the background too, and rows are ranked with BM25 until it is ready, or for good
 * when the model artifact is not on the class path. BM25 stays the default (see the README, "Relevance").
 */
final class OptionalEngines {

    private static final String CODE_STATUS = "dev.headroom.code.CodeEngineStatus";
    private static volatile ProseEngine prose;
    private static final java.util.Map<String, MiniLmScorer> relevance = new java.util.concurrent.ConcurrentHashMap<>();
    // The MiniLM scorer's caps: a proxied request's share of the 2 s budget unless a one-shot command widens them.
    private static volatile int relevanceMaxRows = MiniLmScorer.DEFAULT_MAX_ROWS;
    private static volatile long relevanceBudgetMillis = MiniLmScorer.DEFAULT_BUDGET_MILLIS;

    private OptionalEngines() {
    }

    static HeadroomEngine register(HeadroomEngine engine) {
        return register(engine, System.getenv());
    }

    static HeadroomEngine register(HeadroomEngine engine, Map<String, String> env) {
        ContentRouter router = engine.router();
        Compressor code = enabled(env, "HEADROOM_CODE_COMPRESSOR") ? codeCompressor() : null;
        Compressor kompress = null;
        if (enabled(env, "HEADROOM_KOMPRESS")) {
            try {
                kompress = new ProseCompressor(proseEngine(env));
            } catch (RuntimeException | LinkageError e) {
                // Kompress's jars are missing or broken here: prose keeps the built-in compressor.
            }
        }
        if (code != null) {
            router = router.with(ContentType.CODE, chain(code, kompress));
        }
        if (code != null || kompress != null) {
            // Unlabelled code often arrives as TEXT: the code compressor declines quickly when no
            // language parses the text cleanly, and Kompress (or the lossless text compressor) takes it.
            router = router.with(ContentType.TEXT, chain(code, kompress));
        }
        return withRelevance(engine.withRouter(router));
    }

    /** The MiniLM scorer the settings name, one model per process and mode; the engine as it is for bm25. */
    private static HeadroomEngine withRelevance(HeadroomEngine engine) {
        String name = engine.settings().relevance();
        if (name.equals("bm25")) {
            return engine;
        }
        try {
            MiniLmScorer.Mode mode = MiniLmScorer.parse(name);
            return engine.withRelevance(relevance.computeIfAbsent(name,
                    n -> new MiniLmScorer(mode, relevanceMaxRows, relevanceBudgetMillis).startInBackground()));
        } catch (RuntimeException | LinkageError e) {
            // ONNX Runtime or the prose module is missing: the settings still name the scorer (stable memo keys)
            // and the engine ranks with BM25.
            return engine;
        }
    }

    /**
     * {@link #register} for a one-shot command ({@code compress}): a user who asks it for minilm gets minilm. The
     * model is awaited (up to 30 s) instead of ranking with BM25 while it loads, and the scorer may take the
     * command's own time budget rather than the quarter second a proxied request can spare. The proxy never waits.
     */
    static HeadroomEngine registerForOneShot(HeadroomEngine engine) {
        relevanceMaxRows = 50_000;
        relevanceBudgetMillis = Math.max(MiniLmScorer.DEFAULT_BUDGET_MILLIS, engine.settings().timeBudgetMillis() / 2);
        HeadroomEngine out = register(engine);
        for (MiniLmScorer s : relevance.values()) {
            try {
                s.awaitReady(30_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        return out;
    }

    private static Compressor chain(Compressor code, Compressor kompress) {
        Compressor c = new TextCompressor();
        if (kompress != null) {
            c = new FirstThatHelps(kompress, c);
        }
        if (code != null) {
            c = new FirstThatHelps(code, c);
        }
        return c;
    }

    /** One line per optional engine saying whether it runs and why not, for {@code doctor}. */
    static List<String> describe() {
        List<String> out = new ArrayList<>();
        out.add(codeStatus());
        ProseEngine p = prose;
        out.add(p == null ? "prose engine (Kompress): not started in this process" : p.status().toString());
        relevance.values().forEach(s -> out.add(s.status()));
        return out;
    }

    private static boolean enabled(Map<String, String> env, String name) {
        String v = env.getOrDefault(name, "").trim().toLowerCase(Locale.ROOT);
        return !(v.equals("off") || v.equals("0") || v.equals("false") || v.equals("no"));
    }

    private static synchronized ProseEngine proseEngine(Map<String, String> env) {
        if (prose == null) {
            prose = ProseEngine.fromEnvironment(env).startInBackground();
        }
        return prose;
    }

    /**
     * The code compressor, loaded reflectively so that nothing that needs Java 22 is linked on an older JVM.
     * Its natives load on a daemon thread: a command that meets no code never pays for them.
     */
    private static Compressor codeCompressor() {
        if (Runtime.version().feature() < 22) {
            return null;
        }
        try {
            return (Compressor) Class.forName(CODE_STATUS).getMethod("lazyCompressor").invoke(null);
        } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
            return null;
        }
    }

    private static String codeStatus() {
        try {
            return String.valueOf(probe());
        } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
            return "code engine unavailable: its module is not on the class path (" + e + ")";
        }
    }

    private static Object probe() throws ReflectiveOperationException {
        Method probe = Class.forName(CODE_STATUS).getMethod("probe");
        return probe.invoke(null);
    }

    /** Tries {@code first}; when it declines (null), {@code fallback}. */
    static final class FirstThatHelps implements Compressor {
        private final Compressor first;
        private final Compressor fallback;

        FirstThatHelps(Compressor first, Compressor fallback) {
            this.first = first;
            this.fallback = fallback;
        }

        @Override
        public String name() {
            return first.name() + "|" + fallback.name();
        }

        @Override
        public TransformResult compress(String text, TransformContext context) {
            TransformResult r = first.compress(text, context);
            return r != null ? r : fallback.compress(text, context);
        }
    }
}
