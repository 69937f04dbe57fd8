package dev.headroom.cli.support;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Runs the packaged {@code headroom} jar in a forked JVM, as a user would, and captures what it prints. */
public final class Cli {

    /** What a run printed and returned. */
    public record Run(int exit, String stdout, String stderr, byte[] stdoutBytes) {
    }

    private Cli() {
    }

    public static Path jar() {
        String p = System.getProperty("headroom.jar");
        if (p == null) {
            throw new IllegalStateException("system property headroom.jar is not set (run through maven-failsafe)");
        }
        return Path.of(p);
    }

    public static Run run(Map<String, String> env, byte[] stdin, String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.add("-jar");
        cmd.add(jar().toString());
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd);
        pb.environment().putAll(env);
        Path out = Files.createTempFile("headroom-out", ".bin");
        Path err = Files.createTempFile("headroom-err", ".txt");
        pb.redirectOutput(out.toFile()).redirectError(err.toFile());
        Process p = pb.start();
        if (stdin != null) {
            p.getOutputStream().write(stdin);
        }
        p.getOutputStream().close();
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IllegalStateException("headroom " + String.join(" ", args) + " did not finish");
        }
        byte[] o = Files.readAllBytes(out);
        String e = Files.readString(err, StandardCharsets.UTF_8);
        Files.deleteIfExists(out);
        Files.deleteIfExists(err);
        return new Run(p.exitValue(), new String(o, StandardCharsets.UTF_8), e, o);
    }
}
