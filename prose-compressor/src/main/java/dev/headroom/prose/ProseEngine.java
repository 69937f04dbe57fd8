package dev.headroom.prose;

import dev.headroom.prose.ProseEngineStatus.State;
import dev.headroom.prose.kompress.KeepScorer;
import dev.headroom.prose.kompress.OnnxKeepScorer;
import dev.headroom.prose.model.ModelDownloader;
import dev.headroom.prose.model.ModelFiles;
import dev.headroom.prose.model.ModelLocator;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Owns the Kompress model's life cycle: find it (explicit path, then the HF cache), else download it
 * from {@code HF_ENDPOINT} unless {@code HF_HUB_OFFLINE=1}, then load it, all on one daemon thread
 * started by {@link #startInBackground()}. Requests never wait for any of this: until the state is
 * {@link State#READY}, {@link #scorer()} is null and prose passes through; {@link #status()} says why.
 */
public final class ProseEngine implements AutoCloseable {

    private final ModelLocator locator;
    private final boolean offline;
    private final String endpoint;

    /** One inference at a time per model, however many compressors share it (the reference's concurrency of 1). */
    private final Semaphore inference = new Semaphore(1);
    private volatile ProseEngineStatus status = new ProseEngineStatus(State.IDLE, "not started", null);
    private volatile OnnxKeepScorer scorer;
    private Thread loader;

    public ProseEngine(ModelLocator locator, boolean offline, String endpoint) {
        this.locator = locator;
        this.offline = offline;
        this.endpoint = endpoint;
    }

    /** Settings from {@code HEADROOM_KOMPRESS_MODEL}, {@code HF_HOME}/{@code HF_HUB_CACHE}, {@code HF_ENDPOINT}, {@code HF_HUB_OFFLINE}. */
    public static ProseEngine fromEnvironment(Map<String, String> env) {
        String off = env.getOrDefault("HF_HUB_OFFLINE", "");
        boolean offline = off.equals("1") || off.equalsIgnoreCase("true") || off.equalsIgnoreCase("yes");
        return new ProseEngine(new ModelLocator(env), offline, env.get("HF_ENDPOINT"));
    }

    /** Starts finding, downloading and loading the model on a daemon thread; idempotent. */
    public synchronized ProseEngine startInBackground() {
        if (loader == null) {
            status = new ProseEngineStatus(State.LOADING, "looking for the model", null);
            loader = new Thread(this::prepare, "headroom-kompress-loader");
            loader.setDaemon(true);
            loader.start();
        }
        return this;
    }

    /** Waits up to {@code timeout} for the engine to settle (ready or unavailable); for tools and tests. */
    public ProseEngineStatus awaitSettled(Duration timeout) throws InterruptedException {
        Thread t;
        synchronized (this) {
            t = loader;
        }
        if (t != null) {
            t.join(Math.max(1, timeout.toMillis()));
        }
        return status;
    }

    public ProseEngineStatus status() {
        return status;
    }

    /** The loaded model, or null while it is not ready. */
    public KeepScorer scorer() {
        return scorer;
    }

    /** Takes the model for one compression, waiting at most {@code waitMillis}; false when busy. */
    boolean tryAcquire(long waitMillis) throws InterruptedException {
        return inference.tryAcquire(waitMillis, TimeUnit.MILLISECONDS);
    }

    void release() {
        inference.release();
    }

    private void prepare() {
        try {
            Optional<ModelFiles> files;
            Optional<java.nio.file.Path> explicit = locator.explicitPath();
            if (explicit.isPresent()) {
                files = locator.explicit();
                if (files.isEmpty()) {
                    unavailable(ModelLocator.EXPLICIT_ENV + "=" + explicit.get() + " holds no Kompress model"
                            + " (an .onnx file with tokenizer.json beside it, or a directory with both)");
                    return;
                }
            } else {
                files = locator.cached();
            }
            if (files.isEmpty()) {
                if (offline) {
                    unavailable("the model " + ModelLocator.REPO + " is not in the Hugging Face cache at "
                            + locator.hubCache() + " and HF_HUB_OFFLINE=1; download it there or set "
                            + ModelLocator.EXPLICIT_ENV);
                    return;
                }
                ModelDownloader downloader = new ModelDownloader(endpoint, locator);
                status = new ProseEngineStatus(State.DOWNLOADING, "downloading " + ModelLocator.REPO + " from "
                        + downloader.endpoint() + " into " + locator.hubCache(), null);
                files = Optional.of(downloader.download());
            }
            status = new ProseEngineStatus(State.LOADING, "loading " + files.get(), files.get());
            long start = System.nanoTime();
            scorer = OnnxKeepScorer.load(files.get().model(), files.get().tokenizer());
            status = new ProseEngineStatus(State.READY, String.format("model %s loaded in %d ms", files.get().model(),
                    (System.nanoTime() - start) / 1_000_000), files.get());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            unavailable("interrupted while preparing the model");
        } catch (Exception | LinkageError e) {
            unavailable("the model could not be prepared: " + e
                    + (offline ? "" : " (set HF_ENDPOINT to a reachable hub mirror, or HF_HUB_OFFLINE=1 to stop trying)"));
        }
    }

    private void unavailable(String reason) {
        status = new ProseEngineStatus(State.UNAVAILABLE, reason + "; prose passes through unchanged", status.model());
    }

    @Override
    public void close() {
        OnnxKeepScorer s = scorer;
        scorer = null;
        if (s != null) {
            s.close();
        }
    }
}
