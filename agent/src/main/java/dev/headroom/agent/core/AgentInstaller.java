package dev.headroom.agent.core;

import dev.headroom.agent.AgentClassLoader;
import dev.headroom.agent.bootstrap.HeadroomBridge;

import java.io.File;
import java.lang.instrument.Instrumentation;

/** Runs inside the agent loader: reads the settings, wires the bridge, installs the hooks, says so once. */
public final class AgentInstaller {

    private AgentInstaller() {
    }

    public static void install(String args, Instrumentation inst, ClassLoader loader, File jar) {
        try {
            AgentConfig config = AgentConfig.resolve(args, System.getProperties(), System.getenv());
            AgentLog.setQuiet(config.flag("quiet", false));
            if (!config.flag("enabled", true)) {
                return;
            }
            String mode = config.mode();
            EndpointMatcher matcher = new EndpointMatcher(config.hosts());
            AgentStats stats = new AgentStats();
            CircuitBreaker breaker = new CircuitBreaker((int) config.number("breakerThreshold", 5), 60_000);
            stats.breaker = breaker;
            SavingsRecorder recorder = new SavingsRecorder(stats, AppName.detect(config.get("app")),
                    config.flag("record", true));
            EngineRewriter rewriter = new EngineRewriter(matcher, stats, breaker, recorder,
                    config.number("maxBodyBytes", 8L << 20), config.number("timeBudgetMs", 500),
                    config.flag("testFailEngine", false));
            for (String w : config.warnings()) {
                AgentLog.warn(w);
            }
            HeadroomBridge.install(new AdapterRegistry((AgentClassLoader) loader), rewriter);
            Instrumentations.install(inst);
            // The platform MBean server costs tens of milliseconds to start: keep it off the start-up path.
            Thread jmx = new Thread(stats::register, "headroom-agent-jmx");
            jmx.setDaemon(true);
            jmx.start();
            AgentLog.info("compressing (" + mode + ") LLM requests to " + matcher.describeHosts()
                    + " on /v1/messages, /v1/chat/completions, /v1/responses via java.net.http, OkHttp 3-5,"
                    + " Apache HttpClient 4.5/5 (HEADROOM_AGENT_ENABLED=false turns it off, quiet=true hides this line)");
        } catch (Throwable t) {
            AgentLog.warn("not started (" + t + "); the application runs unchanged");
        }
    }
}
