package dev.headroom.prose;

import dev.headroom.engine.CompressionMode;
import dev.headroom.engine.ccr.Markers;
import dev.headroom.engine.transform.Compressor;
import dev.headroom.engine.transform.TransformContext;
import dev.headroom.engine.transform.TransformResult;
import dev.headroom.prose.kompress.KeepScorer;
import dev.headroom.prose.kompress.KompressPipeline;

import java.util.concurrent.TimeUnit;

/**
 * Kompress for prose: drops the words a token-classification model scores as unneeded, keeps every
 * must-keep fact and the line structure, and ends with a retrieval marker naming how many words went.
 *
 * <p>Guards, as in the reference: nothing happens until the model is loaded (prose passes through);
 * one compression at a time, and a request that would wait more than {@value #BUSY_WAIT_MS} ms passes
 * through instead; chunks not scored within {@value #DEADLINE_SECONDS} s are kept verbatim. In lossless
 * mode it returns null. An output that keeps more than {@link #MAX_KEPT_SHARE} of the words is not worth
 * its marker, and the text passes through.
 */
public final class ProseCompressor implements Compressor {

    static final long BUSY_WAIT_MS = 25;
    static final long DEADLINE_SECONDS = 20;
    /** Keep at most this share of the words, or pass the text through (the reference's 0.8 ratio). */
    static final double MAX_KEPT_SHARE = 0.8;

    private final ProseEngine engine;

    public ProseCompressor(ProseEngine engine) {
        this.engine = engine;
    }

    @Override
    public String name() {
        return "prose.kompress";
    }

    @Override
    public TransformResult compress(String text, TransformContext context) {
        if (context.lossless() || context.mode() == CompressionMode.LOSSLESS || Markers.containsMarker(text)) {
            return null;
        }
        KeepScorer scorer = engine.scorer();
        if (scorer == null) {
            return null;
        }
        try {
            if (!engine.tryAcquire(BUSY_WAIT_MS)) {
                return null;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
        KompressPipeline.Outcome outcome;
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(DEADLINE_SECONDS);
            outcome = new KompressPipeline(scorer).run(text, deadline);
        } catch (RuntimeException e) {
            return null; // fail-open: a model error never breaks a request
        } finally {
            engine.release();
        }
        if (outcome == null || outcome.text() == null || outcome.kept() > MAX_KEPT_SHARE * outcome.words()) {
            return null;
        }
        String marked = outcome.text().stripTrailing() + "\n" + context.marker(outcome.dropped(), "words");
        return TransformResult.lossy(marked, name());
    }
}
