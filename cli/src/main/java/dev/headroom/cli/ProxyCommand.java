package dev.headroom.cli;

import dev.headroom.engine.CompressionMode;
import dev.headroom.engine.store.HeadroomHome;
import dev.headroom.proxy.HeadroomProxy;
import dev.headroom.proxy.ProxyConfig;
import dev.headroom.proxy.access.Loopback;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.net.BindException;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

/** {@code headroom proxy}: serves the companion proxy in the foreground until Ctrl-C. */
@Command(name = "proxy",
        mixinStandardHelpOptions = true,
        description = {"Runs the companion proxy for Claude Code, Codex and other agents: it compresses tool output in",
                "requests to Anthropic and OpenAI and relays the answers (streams included) untouched.",
                "",
                "Point the agent at it:  ANTHROPIC_BASE_URL=http://127.0.0.1:8787 claude",
                "                        Codex: a model provider with base_url = \"http://127.0.0.1:8787/v1\"",
                "Per request: x-headroom-bypass: true (no compression), x-headroom-session-id: ID.",
                "anthropic-beta tokens stay for the whole session (HEADROOM_BETA_HEADER_STICKY=disabled: off).",
                "State (originals for retrieval, lifetime savings) lives in HEADROOM_HOME (default ~/.headroom).",
                "Requests run on virtual threads (HEADROOM_PROXY_THREADS=platform: a thread per request);",
                "JVM options: HEADROOM_JAVA_OPTS."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:stopped", "1:could not start (port in use, bad option, store not writable)"})
public final class ProxyCommand implements Callable<Integer> {

    @Option(names = "--host", paramLabel = "ADDR", defaultValue = "${env:HEADROOM_HOST:-127.0.0.1}",
            description = "Address to listen on (env HEADROOM_HOST; default ${DEFAULT-VALUE}). Anything but loopback "
                    + "exposes your API traffic: set HEADROOM_PROXY_TOKEN then.")
    String host;

    @Option(names = "--port", paramLabel = "PORT", defaultValue = "${env:HEADROOM_PORT:-8787}",
            description = "Port (env HEADROOM_PORT; default ${DEFAULT-VALUE}; 0 picks a free one).")
    int port;

    @Option(names = "--anthropic-api-url", paramLabel = "URL",
            defaultValue = "${env:ANTHROPIC_TARGET_API_URL:-https://api.anthropic.com}",
            description = "Upstream for Anthropic requests (env ANTHROPIC_TARGET_API_URL; default ${DEFAULT-VALUE}).")
    String anthropicUrl;

    @Option(names = "--openai-api-url", paramLabel = "URL",
            defaultValue = "${env:OPENAI_TARGET_API_URL:-https://api.openai.com}",
            description = "Upstream for OpenAI requests (env OPENAI_TARGET_API_URL; default ${DEFAULT-VALUE}).")
    String openaiUrl;

    @Option(names = "--mode", paramLabel = "MODE", defaultValue = "${env:HEADROOM_MODE:-balanced}",
            description = "balanced (may leave rows out behind retrievable markers) or lossless (re-encodes only); "
                    + "env HEADROOM_MODE, default ${DEFAULT-VALUE}.")
    String mode;

    @Option(names = "--no-optimize", description = "Forward every request untouched (pure pass-through, stats only).")
    boolean noOptimize;

    @Option(names = "--log-file", paramLabel = "FILE",
            description = "Request log, one JSON line per request (default HEADROOM_HOME/logs/requests.jsonl; read by "
                    + "`headroom perf`). API keys are never written.")
    Path logFile;

    @Option(names = "--no-request-log", description = "Write no request log.")
    boolean noRequestLog;

    @Option(names = "--log-messages", description = "Also write request bodies into the request log.")
    boolean logMessages;

    @Option(names = "--max-body-mb", paramLabel = "MB", defaultValue = "100",
            description = "Bodies above this size get 413 (default ${DEFAULT-VALUE}).")
    int maxBodyMb;

    @Option(names = "--first-byte-timeout", paramLabel = "SECONDS",
            defaultValue = "${env:HEADROOM_FIRST_BYTE_TIMEOUT_SECONDS:-300}",
            description = "How long an upstream may take to start answering before the client gets 504 (env "
                    + "HEADROOM_FIRST_BYTE_TIMEOUT_SECONDS; default ${DEFAULT-VALUE}).")
    String firstByteTimeout;

    @Option(names = "--header-timeout", paramLabel = "SECONDS",
            defaultValue = "${env:HEADROOM_HEADER_TIMEOUT_SECONDS:-10}",
            description = "How long a client may take to send a request's headers before its connection is closed "
                    + "(env HEADROOM_HEADER_TIMEOUT_SECONDS; default ${DEFAULT-VALUE}).")
    String headerTimeout;

    @Option(names = "--budget", paramLabel = "USD", defaultValue = "${env:HEADROOM_BUDGET}",
            description = "Cap spend at this many dollars per period (env HEADROOM_BUDGET; default: no cap). Once the "
                    + "period's spend (priced from the usage the provider reports) reaches it, model calls get 429 "
                    + "with retry-after. Spend is kept in HEADROOM_HOME across restarts.")
    String budget;

    @Option(names = "--budget-period", paramLabel = "PERIOD", defaultValue = "${env:HEADROOM_BUDGET_PERIOD:-daily}",
            description = "hourly (rolling 60 minutes), daily (local calendar day) or monthly (env "
                    + "HEADROOM_BUDGET_PERIOD; default ${DEFAULT-VALUE}).")
    String budgetPeriod;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** Counted down to stop a running proxy (tests; Ctrl-C goes through the shutdown hook). */
    final CountDownLatch stop = new CountDownLatch(1);
    volatile HeadroomProxy running;

    /** The configuration these options describe, over {@code env}. */
    ProxyConfig config(Map<String, String> env) {
        HeadroomHome home = HeadroomHome.resolve(env);
        Path log = noRequestLog ? null : logFile != null ? logFile : home.logs().resolve("requests.jsonl");
        return ProxyConfig.fromEnvironment(env)
                .withHost(host).withPort(port).withAnthropicUrl(anthropicUrl).withOpenaiUrl(openaiUrl)
                .withMode(CompressionMode.parse(mode)).withOptimize(!noOptimize)
                .withLogFile(log, logMessages).withMaxBodyBytes((long) maxBodyMb * 1024 * 1024).withHome(home)
                .withBudget(budget, budgetPeriod)
                .withEnv("HEADROOM_FIRST_BYTE_TIMEOUT_SECONDS", firstByteTimeout)
                .withEnv("HEADROOM_HEADER_TIMEOUT_SECONDS", headerTimeout);
    }

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        ProxyConfig config;
        try {
            config = config(System.getenv());
        } catch (IllegalArgumentException e) {
            err.println("headroom proxy: " + e.getMessage());
            return 1;
        }
        if (maxBodyMb <= 0) {
            err.println("headroom proxy: --max-body-mb must be at least 1");
            return 1;
        }
        HeadroomProxy proxy;
        try {
            proxy = HeadroomProxy.start(config, OptionalEngines::register);
        } catch (RuntimeException e) {
            Throwable root = e;
            while (root.getCause() != null) {
                root = root.getCause();
            }
            if (root instanceof BindException) {
                err.println("headroom proxy: cannot listen on " + config.host() + ":" + config.port() + " ("
                        + root.getMessage() + "). Another proxy may be running: check `headroom doctor`, or pick "
                        + "another --port.");
                return 1;
            }
            throw e;
        }
        running = proxy;
        Thread hook = new Thread(() -> {
            stop.countDown();
            proxy.close();
        }, "headroom-proxy-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        out.print(banner(proxy));
        out.flush();
        stop.await();
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            return 0;
        }
        proxy.close();
        return 0;
    }

    static String banner(HeadroomProxy proxy) {
        ProxyConfig c = proxy.config();
        String url = "http://" + (c.host().contains(":") ? "[" + c.host() + "]" : c.host()) + ":" + proxy.port();
        StringBuilder b = new StringBuilder();
        b.append("headroom proxy ").append(proxy.version()).append(" listening on ").append(url).append('\n');
        b.append("  Anthropic  -> ").append(c.anthropicUrl()).append("   (claude: ANTHROPIC_BASE_URL=").append(url).append(")\n");
        b.append("  OpenAI     -> ").append(c.openaiUrl()).append("   (codex: base_url = \"").append(url).append("/v1\")\n");
        b.append("  ChatGPT    -> ").append(c.chatgptUrl()).append("   (Codex signed in with a ChatGPT account)\n");
        b.append("  mode       ").append(c.optimize() ? c.mode().label() + ", compression on" : "pass-through (--no-optimize)")
                .append("; bypass per request with x-headroom-bypass: true\n");
        b.append("  state      ").append(c.home().database()).append('\n');
        b.append("  log        ").append(c.logFile() == null ? "off" : c.logFile()
                + (c.logMessages() ? " (with bodies)" : "")).append('\n');
        b.append("  budget     ").append(proxy.budget().describe()).append('\n');
        b.append("  stats      ").append(url).append("/stats   metrics ").append(url).append("/metrics   dashboard ")
                .append(url).append("/dashboard\n");
        if (!Loopback.isLoopbackAddress(c.host()) && !c.host().equals("localhost")) {
            b.append(c.proxyToken() == null
                    ? "  WARNING    listening beyond loopback without HEADROOM_PROXY_TOKEN: anyone who reaches this port "
                    + "can use it\n"
                    : "  access     non-loopback callers must send X-Headroom-Proxy-Token\n");
        }
        b.append("Ctrl-C to stop.\n");
        return b.toString();
    }
}
