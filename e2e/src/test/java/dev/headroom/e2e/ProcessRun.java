package dev.headroom.e2e;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One finished child process: a command run with exactly the given environment (nothing inherited, so the
 * build machine's HOME, keys and base URLs cannot leak in), stdin from /dev/null, stdout and stderr kept in
 * files, killed with its descendants when it outlives its timeout.
 */
record ProcessRun(List<String> command, int exitCode, String stdout, String stderr, long millis, boolean timedOut) {

    static ProcessRun run(List<String> command, Map<String, String> env, Path workDir, Duration timeout)
            throws IOException, InterruptedException {
        Path out = Files.createTempFile("e2e-stdout", ".txt");
        Path err = Files.createTempFile("e2e-stderr", ".txt");
        try {
            ProcessBuilder pb = new ProcessBuilder(command).directory(workDir.toFile());
            pb.environment().clear();
            pb.environment().putAll(env);
            pb.redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
            pb.redirectOutput(out.toFile());
            pb.redirectError(err.toFile());
            long start = System.nanoTime();
            Process p = pb.start();
            boolean done = p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
            if (!done) {
                p.descendants().forEach(ProcessHandle::destroyForcibly);
                p.destroyForcibly();
                p.waitFor(10, TimeUnit.SECONDS);
            }
            long millis = (System.nanoTime() - start) / 1_000_000;
            return new ProcessRun(List.copyOf(command), done ? p.exitValue() : -1,
                    Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8), millis, !done);
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }

    /** A minimal environment: PATH with the clients first, a scratch HOME, no proxy or key variables. */
    static Map<String, String> baseEnv(Path home, Path... pathFirst) {
        Map<String, String> env = new LinkedHashMap<>();
        List<String> path = new ArrayList<>();
        for (Path p : pathFirst) {
            path.add(p.toString());
        }
        // node (Codex's launcher is a node script), coreutils for the scripted commands.
        path.add("/usr/local/bin");
        path.add("/usr/bin");
        path.add("/bin");
        env.put("PATH", String.join(File.pathSeparator, path));
        env.put("HOME", home.toString());
        env.put("USER", "dev");
        env.put("LOGNAME", "dev");
        env.put("LANG", "C.UTF-8");
        env.put("TERM", "dumb");
        env.put("NO_COLOR", "1");
        env.put("JAVA_HOME", System.getProperty("java.home"));
        return env;
    }

    /** Everything a failure report needs: command, exit, time, both streams (long ones cut in the middle). */
    String describe() {
        return "$ " + String.join(" ", command) + "\n  exit " + (timedOut ? "TIMEOUT" : exitCode) + " after " + millis
                + " ms\n  --- stdout ---\n" + Diagnostics.cut(stdout, 6000) + "\n  --- stderr ---\n" + Diagnostics.cut(stderr, 4000);
    }
}
