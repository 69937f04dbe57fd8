package dev.headroom.cli.wrap;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Runs the wrapped tool in the foreground with the terminal attached and returns its exit code. */
final class ToolRunner {

    /** The shell's code for "command not found". */
    static final int NOT_FOUND = 127;

    private ToolRunner() {
    }

    /** Finds {@code name} on the PATH of {@code env}. */
    static Path find(String name, Map<String, String> env) {
        String path = env.getOrDefault("PATH", "");
        for (String dir : path.split(File.pathSeparator)) {
            Path p = Path.of(dir.isEmpty() ? "." : dir, name);
            if (Files.isRegularFile(p) && Files.isExecutable(p)) {
                return p;
            }
        }
        return null;
    }

    /**
     * Ctrl-C reaches the tool and this wrapper alike (same process group). Claude Code and Codex use it to
     * interrupt a turn, not to quit, so the wrapper must not exit (and stop the proxy) under a running session;
     * it leaves when the tool does.
     */
    private static void ignoreInterrupts() {
        try {
            sun.misc.Signal.handle(new sun.misc.Signal("INT"), signal -> { });
        } catch (IllegalArgumentException | UnsupportedOperationException e) {
            // no SIGINT on this platform
        }
    }

    static int run(Path executable, List<String> args, Map<String, String> env) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>();
        cmd.add(executable.toString());
        cmd.addAll(args);
        ProcessBuilder pb = new ProcessBuilder(cmd).inheritIO();
        pb.environment().clear();
        pb.environment().putAll(env);
        ignoreInterrupts();
        Process p = pb.start();
        try {
            return p.waitFor();
        } catch (InterruptedException e) {
            p.destroy();
            throw e;
        }
    }
}
