package dev.headroom.proxy;

import dev.headroom.engine.EngineSettings;
import dev.headroom.engine.HeadroomEngine;
import dev.headroom.engine.store.HeadroomDatabase;
import dev.headroom.engine.store.SavingsLedger;
import dev.headroom.engine.store.SqliteDecisionMemo;
import dev.headroom.engine.store.SqliteRetrievalStore;
import dev.headroom.proxy.access.TokenGuard;
import dev.headroom.proxy.admin.AdminRoutes;
import dev.headroom.proxy.admin.CompressEndpoint;
import dev.headroom.proxy.budget.Budget;
import dev.headroom.proxy.budget.BudgetGate;
import dev.headroom.proxy.compress.CompressionStage;
import dev.headroom.proxy.compress.Sessions;
import dev.headroom.proxy.record.ExchangeRecord;
import dev.headroom.proxy.plane.DataPlane;
import dev.headroom.proxy.access.HeaderDeadline;
import dev.headroom.proxy.forward.StickyBetaHeaders;
import dev.headroom.proxy.log.RequestLog;
import dev.headroom.proxy.retrieve.RetrieveAnswer;
import dev.headroom.proxy.stats.ProxyStats;
import dev.headroom.proxy.stats.SavingsRecorder;
import dev.headroom.proxy.upstream.UpstreamTransport;
import dev.headroom.proxy.upstream.UpstreamRouter;
import io.javalin.Javalin;
import io.javalin.compression.CompressionStrategy;
import io.javalin.http.HandlerType;
import io.micrometer.core.instrument.Gauge;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

import java.io.IOException;
import java.io.InputStream;
import java.sql.SQLException;
import java.util.Properties;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;

/**
 * The companion proxy: a Javalin (Jetty) server in front of Anthropic and OpenAI. Owns the shared SQLite store,
 * the engine, the upstream client, stats and the request log; {@link #close()} releases them all.
 */
public final class HeadroomProxy implements AutoCloseable {

    static final long IDLE_TIMEOUT_MILLIS = 15 * 60_000L;
    static final long CLOSE_GRACE_MILLIS = 5_000L;
    /**
     * Jetty's per-response aggregation buffer (32 KB by default), held by every open response. The relay flushes
     * each SSE event or body chunk as it writes it, so a large buffer only costs memory: at 1,000 open streams the
     * default held 32 MB of direct memory.
     */
    static final int OUTPUT_BUFFER_BYTES = 4096;
    /** Pending connections the kernel queues for accept: agent fan-out opens hundreds of streams at once (JDK default 50). */
    static final int ACCEPT_QUEUE = 1024;

    private final ProxyConfig config;
    private final HeadroomDatabase db;
    private final Javalin app;
    private final ProxyStats stats = new ProxyStats();
    private final SavingsRecorder savings;
    private final Budget budget;
    private final RequestLog log;
    private final UpstreamTransport client;
    private final AdminRoutes admin;
    private final String version = readVersion();
    private final Sessions sessions;
    // Proxied requests still running (their records not yet handed to the writers); close() waits for them.
    private final AtomicInteger inFlight = new AtomicInteger();
    private HeaderDeadline headerDeadline;

    private HeadroomProxy(ProxyConfig config, UnaryOperator<HeadroomEngine> customize) throws SQLException, IOException {
        this.config = config;
        this.db = HeadroomDatabase.open(config.home());
        var store = new SqliteRetrievalStore(db, SqliteRetrievalStore.ttlFromEnvironment(config.env()));
        HeadroomEngine engine = customize.apply(HeadroomEngine.create(
                EngineSettings.fromEnvironment(config.env()).withMode(config.mode()), store, new SqliteDecisionMemo(db)));
        this.savings = new SavingsRecorder(new SavingsLedger(db));
        this.budget = Budget.open(config.budget(), db);
        this.log = config.logFile() == null ? null : new RequestLog(config.logFile(), config.logMessages());
        this.client = new UpstreamTransport(config.env());
        this.sessions = new Sessions();
        CompressionStage stage = new CompressionStage(engine, sessions, config.mode(), config.optimize());
        DataPlane plane = new DataPlane(new DataPlane.Parts(client, new UpstreamRouter(config), stage,
                new BudgetGate(budget), StickyBetaHeaders.enabled(config.env()) ? new StickyBetaHeaders() : null,
                new RetrieveAnswer(store, config.maxRetrieveRounds()), config.maxBodyBytes(), config.inFlightBodyBytes(),
                config.firstByteTimeoutMillis(), config.logMessages()), x -> done(x, "proxy"));
        this.admin = new AdminRoutes(config, stats, savings, store, version);
        admin.addStatsSection("budget", budget::snapshot);
        // proxied requests being handled now: open streams, and finished ones whose figures are still being
        // counted (a stream is counted in /stats once it has ended and its token figures are final)
        admin.addStatsSection("in_flight", inFlight::get);
        Gauge.builder("headroom_requests_in_flight", inFlight, AtomicInteger::get)
                .description("proxied requests being handled, open streams included").register(stats.registry());
        CompressEndpoint compress = new CompressEndpoint(engine, x -> done(x, "v1/compress"));
        TokenGuard guard = new TokenGuard(config.proxyToken());
        this.app = Javalin.create(c -> {
            c.startup.showJavalinBanner = false;
            c.startup.showOldJavalinVersionWarning = false;
            c.jetty.threadPool = threadPool(config.virtualThreads());
            c.jetty.modifyHttpConfiguration(http -> http.setOutputBufferSize(OUTPUT_BUFFER_BYTES));
            c.jetty.addConnector((server, http) -> {
                ServerConnector connector = new ServerConnector(server, new HttpConnectionFactory(http));
                connector.setHost(config.host());
                connector.setPort(config.port());
                connector.setAcceptQueueSize(ACCEPT_QUEUE);
                // Jetty's 30 s default would cut a stream (or a slow non-streaming answer) that is quiet for 30 s
                // while the model thinks; the upstream side waits up to 10 minutes, so the client side does too.
                connector.setIdleTimeout(IDLE_TIMEOUT_MILLIS);
                return connector;
            });
            c.http.compressionStrategy = CompressionStrategy.NONE;
            c.http.maxRequestSize = config.maxBodyBytes();
            c.http.asyncTimeout = 0;
            c.jetty.host = config.host();
            c.jetty.port = config.port();
            c.routes.before(guard::check);
            admin.register(c.routes, compress);
            c.routes.head("/", ctx -> ctx.status(200));
            c.routes.get("/", ctx -> ctx.json(java.util.Map.of("service", "headroom-proxy", "version", version,
                    "status", "ok")));
            for (HandlerType m : new HandlerType[] {HandlerType.GET, HandlerType.POST, HandlerType.PUT,
                    HandlerType.PATCH, HandlerType.DELETE, HandlerType.HEAD, HandlerType.OPTIONS}) {
                c.routes.addHttpHandler(m, "/*", ctx -> {
                    inFlight.incrementAndGet();
                    try {
                        plane.handle(ctx);
                    } finally {
                        inFlight.decrementAndGet();
                    }
                });
            }
        });
    }

    /**
     * Jetty's threads. Virtual by default: a request blocks its thread for as long as its stream lasts (minutes),
     * and 1,000 open streams held 1,000 platform threads, each with its own stack (~80 KB resident), where virtual
     * threads keep only the frames in use on the heap (~15 KB); pass-through latency measured the same once both
     * were warm. Jetty's selectors stay on the small platform pool; compression runs on its own platform workers
     * (CompressionStage), so native parsers and models never pin the few carrier threads.
     */
    static QueuedThreadPool threadPool(boolean virtual) {
        QueuedThreadPool pool = virtual ? new QueuedThreadPool(64, 4, 60_000) : new QueuedThreadPool(4096, 8, 60_000);
        pool.setName("headroom-proxy");
        if (virtual) {
            pool.setVirtualThreadsExecutor(Executors.newThreadPerTaskExecutor(
                    Thread.ofVirtual().name("headroom-request-", 0).factory()));
        }
        return pool;
    }

    /** Opens the store and starts serving; the engine can be extended (optional compressors) by {@code customize}. */
    public static HeadroomProxy start(ProxyConfig config, UnaryOperator<HeadroomEngine> customize)
            throws SQLException, IOException {
        HeadroomProxy p = new HeadroomProxy(config, customize);
        try {
            p.app.start();
            p.headerDeadline = new HeaderDeadline((org.eclipse.jetty.server.AbstractConnector)
                    p.app.jettyServer().server().getConnectors()[0], config.headerTimeoutMillis());
        } catch (RuntimeException e) {
            p.close();
            throw e;
        }
        return p;
    }

    public static HeadroomProxy start(ProxyConfig config) throws SQLException, IOException {
        return start(config, UnaryOperator.identity());
    }

    private void done(ExchangeRecord x, String app) {
        if (x.session() != null) {
            // what the provider already caches for this conversation: the prefix the engine's memo keeps stable
            sessions.get(x.session()).cacheReadTokens.addAndGet(x.usage().cacheRead());
        }
        stats.record(x);
        savings.record(x, app);
        budget.record(x);
        if (log != null) {
            log.write(x);
        }
    }

    /** How long a client connection may stay silent (both ways) before Jetty closes it. */
    public long idleTimeoutMillis() {
        return app.jettyServer().server().getConnectors()[0].getIdleTimeout();
    }

    public int port() {
        return app.port();
    }

    public ProxyConfig config() {
        return config;
    }

    public String version() {
        return version;
    }

    /** The spend cap and what the current period has spent. */
    public Budget budget() {
        return budget;
    }

    /** Blocks until queued ledger writes are stored (tests, shutdown). */
    public void drain() {
        savings.drain();
        budget.drain();
    }

    @Override
    public void close() {
        try {
            if (headerDeadline != null) {
                headerDeadline.close();
            }
            app.stop();
            awaitInFlight(CLOSE_GRACE_MILLIS);
        } finally {
            savings.close();
            budget.close();
            if (log != null) {
                try {
                    log.close();
                } catch (IOException ignored) {
                    // closing at shutdown
                }
            }
            client.close();
            db.close();
        }
    }

    /**
     * Waits until every proxied request has finished its bookkeeping (savings, spend, request log): a client can
     * hold a whole answer before the request's thread has recorded it, and closing the writers first would lose it.
     */
    private void awaitInFlight(long millis) {
        long deadline = System.nanoTime() + millis * 1_000_000L;
        while (inFlight.get() > 0 && System.nanoTime() < deadline) {
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    static String readVersion() {
        try (InputStream in = HeadroomProxy.class.getResourceAsStream("/headroom-proxy-version.properties")) {
            Properties p = new Properties();
            if (in != null) {
                p.load(in);
            }
            return p.getProperty("version", "dev");
        } catch (IOException e) {
            return "dev";
        }
    }
}
