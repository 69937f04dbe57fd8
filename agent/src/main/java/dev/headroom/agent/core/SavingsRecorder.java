package dev.headroom.agent.core;

import dev.headroom.engine.CompressionResult;
import dev.headroom.engine.format.WireFormat;
import dev.headroom.engine.store.HeadroomDatabase;
import dev.headroom.engine.store.HeadroomHome;
import dev.headroom.engine.store.SavingsLedger;
import dev.headroom.engine.tokens.TokenCounter;
import dev.headroom.engine.tokens.TokenCounters;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * Counts tokens and writes savings to the shared SQLite store on one daemon thread, so the request
 * path never waits for a tokenizer or the disk. The database (and sqlite-jdbc's native library) is
 * opened on the first event only; if it cannot be opened, recording stops and the app carries on.
 * When the queue is full, events are dropped rather than slowing the app down.
 */
final class SavingsRecorder {

    private final AgentStats stats;
    private final String app;
    private final boolean persist;
    private final ThreadPoolExecutor executor;
    private SavingsLedger ledger;
    private boolean storeFailed;

    SavingsRecorder(AgentStats stats, String app, boolean persist) {
        this.stats = stats;
        this.app = app;
        this.persist = persist;
        this.executor = new ThreadPoolExecutor(1, 1, 30, TimeUnit.SECONDS, new ArrayBlockingQueue<>(1000), r -> {
            Thread t = new Thread(r, "headroom-agent-savings");
            t.setDaemon(true);
            t.setContextClassLoader(SavingsRecorder.class.getClassLoader());
            return t;
        }, new ThreadPoolExecutor.DiscardPolicy());
        executor.allowCoreThreadTimeOut(true);
        // A short-lived app would otherwise exit before its last savings reach the store.
        Thread flush = new Thread(this::flush, "headroom-agent-savings-flush");
        Runtime.getRuntime().addShutdownHook(flush);
    }

    /** Waits up to 2 s for queued events (only when there are some). */
    private void flush() {
        try {
            executor.shutdown();
            executor.awaitTermination(2, TimeUnit.SECONDS);
        } catch (Throwable ignored) {
            // exiting anyway
        }
    }

    void submit(CompressionResult result, String host) {
        executor.execute(() -> record(result, host));
    }

    private void record(CompressionResult result, String host) {
        try {
            boolean anthropic = result.format() == WireFormat.ANTHROPIC;
            TokenCounter counter = TokenCounters.forModel(result.model(), anthropic);
            long before = result.unitTokensBefore(counter);
            long after = result.unitTokensAfter(counter);
            stats.tokensBefore.addAndGet(before);
            stats.tokensAfter.addAndGet(after);
            stats.tokenizer = counter.label();
            if (persist) {
                SavingsLedger l = ledger();
                if (l != null) {
                    l.record(new SavingsLedger.Event(System.currentTimeMillis(), "agent", app,
                            provider(result.format(), host), result.model() == null ? "" : result.model(),
                            before, after, counter.label(), ""));
                }
            }
        } catch (Throwable t) {
            // Recording is best effort: a tokenizer or disk problem is nothing the app should notice.
            if (Boolean.getBoolean("headroom.agent.debug")) {
                AgentLog.warn("savings not recorded: " + t);
            }
        }
    }

    private SavingsLedger ledger() {
        if (ledger == null && !storeFailed) {
            try {
                // On JDK 22+ the JDK prints a native-access warning here unless the app runs with
                // --enable-native-access=ALL-UNNAMED (or record=false turns recording off).
                // DriverManager may have been initialised by the app with another context loader.
                Class.forName("org.sqlite.JDBC", true, SavingsRecorder.class.getClassLoader());
                ledger = new SavingsLedger(HeadroomDatabase.open(HeadroomHome.fromEnvironment()));
            } catch (Throwable t) {
                storeFailed = true;
                AgentLog.warn("savings are not recorded (store unavailable: " + t + ")");
            }
        }
        return ledger;
    }

    static String provider(WireFormat format, String host) {
        if (format == null) {
            return host;
        }
        String f = format.name().toLowerCase(java.util.Locale.ROOT);
        return f.startsWith("anthropic") ? "anthropic" : f.startsWith("openai") ? "openai" : f;
    }
}
