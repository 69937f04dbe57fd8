package dev.headroom.cli.wrap;

import dev.headroom.cli.proxy.WrapperRegistry;
import dev.headroom.engine.store.HeadroomHome;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code headroom unwrap claude|codex}: undoes every durable edit a wrap made; harmless to repeat. */
@Command(name = "unwrap",
        mixinStandardHelpOptions = true,
        description = {"Undoes what `headroom wrap` left behind.",
                "codex: restores $CODEX_HOME/config.toml byte for byte from the wrap's backup (or removes headroom's "
                        + "blocks when the file changed since).",
                "claude: `wrap claude` changes no file; this removes stale wrapper markers under HEADROOM_HOME/clients.",
                "Running it twice, or without a wrap, does nothing."})
public final class UnwrapCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "TOOL", description = "claude or codex.")
    String tool;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        Map<String, String> env = System.getenv();
        PrintWriter out = spec.commandLine().getOut();
        switch (tool) {
            case "codex" -> out.println("headroom: " + CodexConfig.of(env).unwrap());
            case "claude" -> {
                int removed = pruneMarkers(HeadroomHome.resolve(env).dir());
                out.println("headroom: Claude Code is routed by `wrap claude` through its environment only; "
                        + "no settings to restore" + (removed > 0 ? " (removed " + removed + " stale wrapper marker(s))" : ""));
            }
            default -> throw new CommandLine.ParameterException(spec.commandLine(),
                    "cannot unwrap '" + tool + "': choose claude or codex");
        }
        return 0;
    }

    /** Removes markers of wrappers that no longer run; live ones (and their proxies) are left alone. */
    private static int pruneMarkers(Path home) throws IOException {
        Path clients = home.resolve("clients");
        if (!Files.isDirectory(clients)) {
            return 0;
        }
        int removed = 0;
        try (DirectoryStream<Path> ports = Files.newDirectoryStream(clients)) {
            for (Path port : ports) {
                if (!Files.isDirectory(port)) {
                    continue;
                }
                long before;
                try (var s = Files.list(port)) {
                    before = s.filter(p -> p.toString().endsWith(".json") && !p.endsWith("proxy.json")).count();
                }
                try {
                    int live = new WrapperRegistry(home, Integer.parseInt(port.getFileName().toString())).liveWrappers();
                    removed += (int) (before - live);
                } catch (NumberFormatException ignored) {
                    // not ours
                }
            }
        }
        return removed;
    }
}
