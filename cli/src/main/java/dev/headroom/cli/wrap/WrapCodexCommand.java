package dev.headroom.cli.wrap;

import dev.headroom.cli.proxy.ProxySession;
import dev.headroom.engine.store.HeadroomHome;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code headroom wrap codex}: Codex through the proxy, via a provider in its config.toml. */
@Command(name = "codex",
        mixinStandardHelpOptions = true,
        description = {"Runs Codex (`codex`) through the Headroom proxy.",
                "Backs up $CODEX_HOME/config.toml (default ~/.codex) once, adds a [model_providers.headroom] provider "
                        + "(base_url http://127.0.0.1:PORT/v1, wire_api \"responses\") and selects it with "
                        + "model_provider = \"headroom\". Your comments and other tables stay as they are.",
                "Auth: OPENAI_API_KEY when it is set, else your ChatGPT login.",
                "The provider stays selected after codex exits; `headroom unwrap codex` restores the file byte for byte."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"n:codex's own exit code", "2:config.toml could not be edited or the proxy could not start",
                "127:codex is not on PATH"})
final class WrapCodexCommand implements Callable<Integer> {

    @Mixin
    WrapOptions options;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        Map<String, String> env = System.getenv();
        PrintWriter err = spec.commandLine().getErr();
        Path codex = ToolRunner.find("codex", env);
        if (codex == null) {
            err.println("headroom: `codex` is not on PATH; install Codex (npm install -g @openai/codex)");
            return ToolRunner.NOT_FOUND;
        }
        CodexConfig config = CodexConfig.of(env);
        String key = env.get("OPENAI_API_KEY");
        config.wrap(options.port, key != null && !key.isBlank());
        err.println("headroom: routed Codex through http://127.0.0.1:" + options.port + "/v1 in " + config.file()
                + " (undo: headroom unwrap codex)");
        Path home = HeadroomHome.resolve(env).dir();
        try (ProxySession session = ProxySession.open(home, options.port, "codex", env, err)) {
            Thread cleanup = new Thread(session::close, "headroom-wrap-cleanup");
            Runtime.getRuntime().addShutdownHook(cleanup);
            Map<String, String> toolEnv = new LinkedHashMap<>(env);
            toolEnv.put("OPENAI_BASE_URL", "http://127.0.0.1:" + options.port + "/v1");
            Path name = Path.of("").toAbsolutePath().getFileName();
            toolEnv.put("HEADROOM_PROJECT", name == null ? "root" : name.toString());
            toolEnv.put("HEADROOM_PORT", Integer.toString(options.port));
            err.flush();
            int code = ToolRunner.run(codex, options.toolArgs(), toolEnv);
            Runtime.getRuntime().removeShutdownHook(cleanup);
            return code;
        }
    }
}
