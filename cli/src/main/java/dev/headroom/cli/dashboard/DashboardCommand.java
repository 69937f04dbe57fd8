package dev.headroom.cli.dashboard;

import dev.headroom.cli.proxy.ProxyProbe;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.File;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code headroom dashboard}: prints the proxy's dashboard URL and opens it in a browser. */
@Command(name = "dashboard",
        mixinStandardHelpOptions = true,
        description = {"Prints http://127.0.0.1:PORT/dashboard and opens it in your browser (unless --no-open, or "
                + "there is no display). The page shows live savings by model and client, a chart over time, "
                + "overhead and retrieval counts, from the proxy's /stats."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:printed (and opened)", "1:the proxy is not running on that port"})
public final class DashboardCommand implements Callable<Integer> {

    @Option(names = "--port", paramLabel = "N", defaultValue = "${env:HEADROOM_PORT:-8787}",
            description = "The proxy's port (default: ${DEFAULT-VALUE}).")
    int port;

    @Option(names = "--no-open", description = "Only print the URL.")
    boolean noOpen;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        ProxyProbe probe = new ProxyProbe(port);
        String url = probe.baseUrl() + "/dashboard";
        PrintWriter out = spec.commandLine().getOut();
        out.println(url);
        out.flush();
        if (probe.get("/livez", 2000).isEmpty()) {
            spec.commandLine().getErr().println("headroom: no proxy answers on port " + port
                    + "; start one with `headroom proxy --port " + port + "`");
            return 1;
        }
        if (!noOpen) {
            open(url, System.getenv(), spec.commandLine().getErr());
        }
        return 0;
    }

    /** Opens {@code url} with the platform's opener; says so when there is no display or no opener. */
    static void open(String url, Map<String, String> env, PrintWriter err) {
        String os = System.getProperty("os.name", "").toLowerCase();
        List<String> cmd;
        if (os.contains("mac")) {
            cmd = List.of("open", url);
        } else if (os.contains("win")) {
            cmd = List.of("rundll32", "url.dll,FileProtocolHandler", url);
        } else {
            boolean display = !env.getOrDefault("DISPLAY", "").isEmpty() || !env.getOrDefault("WAYLAND_DISPLAY", "").isEmpty();
            String opener = onPath("xdg-open", env) ? "xdg-open" : onPath("sensible-browser", env) ? "sensible-browser" : null;
            if (!display || opener == null) {
                err.println("headroom: no display or browser opener here; open the URL yourself");
                return;
            }
            cmd = List.of(opener, url);
        }
        try {
            new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        } catch (Exception e) {
            err.println("headroom: could not open a browser (" + e.getMessage() + "); open the URL yourself");
        }
    }

    private static boolean onPath(String name, Map<String, String> env) {
        for (String dir : env.getOrDefault("PATH", "").split(File.pathSeparator)) {
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, name))) {
                return true;
            }
        }
        return false;
    }
}
