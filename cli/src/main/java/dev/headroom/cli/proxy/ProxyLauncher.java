package dev.headroom.cli.proxy;

import dev.headroom.cli.HeadroomCommand;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Starts {@code headroom proxy --port N} in the background with the same JVM and class path as this
 * command (the packaged jar under {@code bin/headroom}), logging to {@code HEADROOM_HOME/logs/proxy-stdio.log},
 * and waits until {@code /readyz} answers.
 */
public final class ProxyLauncher {

    private final Path logs;
    private final Map<String, String> env;

    public ProxyLauncher(Path logs, Map<String, String> env) {
        this.logs = logs;
        this.env = env;
    }

    /** The command line that runs a proxy on {@code port} (java from java.home, this class path). */
    public List<String> command(int port) {
        List<String> cmd = new ArrayList<>();
        // A new session, when setsid exists, so that Ctrl-C in the wrapped tool's terminal does not also
        // kill the proxy other wrappers may share; the last wrapper stops it explicitly.
        Path setsid = findOnPath("setsid");
        if (setsid != null) {
            cmd.add(setsid.toString());
        }
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.add("--enable-native-access=ALL-UNNAMED");
        cmd.add("-cp");
        cmd.add(classPath());
        cmd.add(HeadroomCommand.class.getName());
        cmd.add("proxy");
        cmd.add("--port");
        cmd.add(Integer.toString(port));
        return cmd;
    }

    /** Starts the proxy and waits up to {@code timeoutMillis} for it to be ready; returns its process. */
    public Process start(int port, long timeoutMillis) throws IOException, InterruptedException {
        Files.createDirectories(logs);
        Path log = logs.resolve("proxy-stdio.log");
        ProcessBuilder pb = new ProcessBuilder(command(port));
        pb.environment().putAll(env);
        pb.redirectErrorStream(true);
        pb.redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        pb.redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        Process p = pb.start();
        ProxyProbe probe = new ProxyProbe(port);
        long deadline = System.currentTimeMillis() + timeoutMillis;
        while (System.currentTimeMillis() < deadline) {
            if (probe.ready()) {
                return p;
            }
            if (!p.isAlive()) {
                throw new IOException("the proxy exited with code " + p.exitValue() + " before it was ready; see " + log);
            }
            Thread.sleep(100);
        }
        p.destroy();
        throw new IOException("the proxy did not become ready within " + timeoutMillis / 1000 + " s; see " + log);
    }

    private static String classPath() {
        try {
            // The jar (or classes directory) this command runs from; java.class.path is the same for -jar runs.
            String own = Path.of(HeadroomCommand.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
            String cp = System.getProperty("java.class.path", "");
            return cp.contains(own) ? cp : own + File.pathSeparator + cp;
        } catch (Exception e) {
            return System.getProperty("java.class.path");
        }
    }

    static Path findOnPath(String name) {
        String path = System.getenv("PATH");
        if (path == null) {
            return null;
        }
        for (String dir : path.split(File.pathSeparator)) {
            Path p = Path.of(dir.isEmpty() ? "." : dir, name);
            if (Files.isExecutable(p) && !Files.isDirectory(p)) {
                return p;
            }
        }
        return null;
    }
}
