package dev.headroom.cli.doctor;

import com.fasterxml.jackson.databind.JsonNode;
import dev.headroom.cli.Version;
import dev.headroom.cli.proxy.ProxyProbe;
import dev.headroom.cli.term.Json;
import dev.headroom.cli.term.Style;
import dev.headroom.engine.store.HeadroomHome;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;

/** {@code headroom doctor}: is the proxy up, are the clients routed through it, are savings flowing. */
@Command(name = "doctor",
        mixinStandardHelpOptions = true,
        description = {"Checks the setup: proxy liveness and version, Claude Code and Codex routing, this shell's "
                + "base URLs, savings flow, budget, JVM agent activity and the optional engines.",
                "Each check passes, warns, fails or is skipped, with a hint that says what to run."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:all checks passed", "1:warnings only", "2:at least one failure"})
public final class DoctorCommand implements Callable<Integer> {

    @Option(names = "--port", paramLabel = "N", defaultValue = "${env:HEADROOM_PORT:-8787}",
            description = "The proxy's port (default: ${DEFAULT-VALUE}).")
    int port;

    @Option(names = "--json", description = "Print {port, installed_version, exit_code, checks[{name, status, summary, hint}]}.")
    boolean json;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        Map<String, String> env = System.getenv();
        List<Check> checks = run(env, Path.of(env.getOrDefault("HOME", System.getProperty("user.home"))), Path.of("").toAbsolutePath());
        int exit = exitCode(checks);
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            out.println(Json.write(toJson(checks, exit)));
        } else {
            print(out, checks, Style.forStdout());
        }
        out.flush();
        return exit;
    }

    List<Check> run(Map<String, String> env, Path home, Path project) {
        ProxyProbe probe = new ProxyProbe(port);
        Optional<JsonNode> livez = probe.livez();
        Optional<JsonNode> stats = livez.isPresent() ? probe.stats() : Optional.empty();
        List<Check> checks = new ArrayList<>();
        String installed = Version.current();
        if (livez.isPresent()) {
            JsonNode l = livez.get();
            checks.add(Check.pass("proxy", "alive at " + probe.baseUrl() + " (version " + l.path("version").asText("?")
                    + ", up " + l.path("uptime_seconds").asLong() + " s)"));
            String running = l.path("version").asText("");
            checks.add(running.equals(installed) ? Check.pass("version", "proxy and CLI are both " + installed)
                    : Check.warn("version", "proxy runs " + (running.isEmpty() ? "an unknown version" : running) + ", this CLI is " + installed,
                    "restart the proxy: stop it, then `headroom proxy --port " + port + "`"));
        } else if (probe.get("/livez", 1000).isPresent()) {
            checks.add(Check.fail("proxy", "something else answers on port " + port + " (not a headroom proxy)",
                    "free the port (lsof -i :" + port + ") or use another: `headroom proxy --port N`, then `headroom doctor --port N`"));
            checks.add(Check.skip("version", "no headroom proxy; this CLI is " + installed, ""));
        } else {
            checks.add(Check.fail("proxy", "not reachable at " + probe.baseUrl(),
                    "start it: `headroom proxy --port " + port + "` (or `headroom wrap claude`, which starts one)"));
            checks.add(Check.skip("version", "proxy is down; this CLI is " + installed, ""));
        }
        RoutingChecks routing = new RoutingChecks(env, home, project, port);
        checks.add(routing.claude());
        checks.add(routing.codex());
        checks.add(routing.shellEnv());
        try (StateChecks state = new StateChecks(HeadroomHome.resolve(env), port)) {
            checks.add(state.savings(stats));
            checks.add(state.budget(stats));
            checks.add(state.agent());
        }
        EngineChecks engines = new EngineChecks(env);
        checks.add(engines.code());
        checks.add(engines.prose());
        checks.add(engines.relevance());
        return checks;
    }

    static int exitCode(List<Check> checks) {
        boolean warn = false;
        for (Check c : checks) {
            if (c.status() == Check.Status.FAIL) {
                return 2;
            }
            warn |= c.status() == Check.Status.WARN;
        }
        return warn ? 1 : 0;
    }

    private Map<String, Object> toJson(List<Check> checks, int exit) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("port", port);
        root.put("installed_version", Version.current());
        root.put("exit_code", exit);
        List<Object> list = new ArrayList<>();
        for (Check c : checks) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("name", c.name());
            m.put("status", c.status().label());
            m.put("summary", c.summary());
            m.put("hint", c.hint());
            list.add(m);
        }
        root.put("checks", list);
        return root;
    }

    private static void print(PrintWriter out, List<Check> checks, Style style) {
        int width = checks.stream().mapToInt(c -> c.name().length()).max().orElse(8);
        int fails = 0;
        int warns = 0;
        for (Check c : checks) {
            String mark = switch (c.status()) {
                case PASS -> style.green("✓ pass");
                case WARN -> style.yellow("! warn");
                case FAIL -> style.red("✗ fail");
                case SKIP -> style.dim("- skip");
            };
            out.printf("%-" + width + "s  %s  %s%n", c.name(), mark, c.summary());
            if (!c.hint().isEmpty() && c.status() != Check.Status.PASS) {
                out.printf("%-" + width + "s          %s%n", "", style.dim("→ " + c.hint()));
            }
            fails += c.status() == Check.Status.FAIL ? 1 : 0;
            warns += c.status() == Check.Status.WARN ? 1 : 0;
        }
        out.println();
        out.println(fails + warns == 0 ? style.green("all checks passed")
                : fails + " failure(s), " + warns + " warning(s)");
    }
}
