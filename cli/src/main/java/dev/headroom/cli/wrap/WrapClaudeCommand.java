package dev.headroom.cli.wrap;

import dev.headroom.cli.proxy.ProxySession;
import dev.headroom.engine.store.HeadroomHome;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code headroom wrap claude}: Claude Code through the proxy, routed by its environment only. */
@Command(name = "claude",
        mixinStandardHelpOptions = true,
        description = {"Runs Claude Code (`claude`) through the Headroom proxy.",
                "Sets ANTHROPIC_BASE_URL=http://127.0.0.1:PORT, ENABLE_TOOL_SEARCH=true (unless set) and an "
                        + "X-Headroom-Project header in ANTHROPIC_CUSTOM_HEADERS for the claude process only; "
                        + "no settings file is changed.",
                "Example: headroom wrap claude -- --continue"},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"n:claude's own exit code", "2:the proxy could not start", "127:claude is not on PATH"})
final class WrapClaudeCommand implements Callable<Integer> {

    @Mixin
    WrapOptions options;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        Map<String, String> env = System.getenv();
        PrintWriter err = spec.commandLine().getErr();
        Path claude = ToolRunner.find("claude", env);
        if (claude == null) {
            err.println("headroom: `claude` is not on PATH; install Claude Code (npm install -g @anthropic-ai/claude-code)");
            return ToolRunner.NOT_FOUND;
        }
        Path home = HeadroomHome.resolve(env).dir();
        ClaudeEnvironment.conflictingSettings(Path.of(env.getOrDefault("HOME", System.getProperty("user.home"))),
                Path.of("").toAbsolutePath(), options.port).ifPresent(conflict -> err.println("headroom: warning: " + conflict
                + "; Claude Code applies it over the environment, so this session would bypass the proxy. "
                + "Remove that key (or point it at http://127.0.0.1:" + options.port + ")."));
        try (ProxySession session = ProxySession.open(home, options.port, "claude", env, err)) {
            Thread cleanup = new Thread(session::close, "headroom-wrap-cleanup");
            Runtime.getRuntime().addShutdownHook(cleanup);
            Map<String, String> toolEnv = ClaudeEnvironment.apply(env, options.port, Path.of("").toAbsolutePath());
            err.flush();
            int code = ToolRunner.run(claude, options.toolArgs(), toolEnv);
            Runtime.getRuntime().removeShutdownHook(cleanup);
            return code;
        }
    }
}
