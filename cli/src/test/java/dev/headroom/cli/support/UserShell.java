package dev.headroom.cli.support;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A user's shell in a temporary directory: HOME, HEADROOM_HOME, a project directory to run in, and a bin
 * directory on PATH for fake tools. Runs the packaged jar with exactly this environment (nothing inherited
 * from the build's shell, so a developer's ANTHROPIC_BASE_URL cannot change a result).
 */
public final class UserShell {

    private final Path root;
    private final Map<String, String> env = new LinkedHashMap<>();

    public UserShell(Path root) throws IOException {
        this.root = root;
        Files.createDirectories(home());
        Files.createDirectories(project());
        Files.createDirectories(bin());
        env.put("HOME", home().toString());
        env.put("HEADROOM_HOME", home().resolve(".headroom").toString());
        // No /usr/local/bin: a globally installed claude or codex (npm -g) must not stand in for the fakes.
        env.put("PATH", bin() + ":/usr/bin:/bin");
        env.put("LANG", "C.UTF-8");
        // Keep HF lookups inside the sandbox so the prose check does not see a developer's cache.
        env.put("HF_HOME", root.resolve("hf").toString());
    }

    public Path home() {
        return root.resolve("home");
    }

    public Path headroomHome() {
        return home().resolve(".headroom");
    }

    public Path project() {
        return root.resolve("project");
    }

    public Path bin() {
        return root.resolve("bin");
    }

    public Map<String, String> env() {
        return env;
    }

    public UserShell set(String key, String value) {
        env.put(key, value);
        return this;
    }

    /**
     * Writes a fake tool that records its arguments (one per line), its environment and, when
     * {@code alsoCopy} is set, a copy of that file, then exits with {@code exitCode}.
     */
    public Path fakeTool(String name, int exitCode, String alsoCopy) throws IOException {
        Path rec = root.resolve(name + "-record");
        String script = "#!/bin/sh\n"
                + "mkdir -p '" + rec + "'\n"
                + ": > '" + rec + "/args'\n"
                + "for a in \"$@\"; do printf '%s\\n' \"$a\" >> '" + rec + "/args'; done\n"
                + "env > '" + rec + "/env'\n"
                + (alsoCopy == null ? "" : "cp \"" + alsoCopy + "\" '" + rec + "/copy' 2>/dev/null\n")
                + "exit " + exitCode + "\n";
        Path tool = bin().resolve(name);
        Files.writeString(tool, script);
        Files.setPosixFilePermissions(tool, PosixFilePermissions.fromString("rwxr-xr-x"));
        return rec;
    }

    /** The environment a fake tool recorded, as a map. */
    public static Map<String, String> recordedEnv(Path record) throws IOException {
        Map<String, String> m = new LinkedHashMap<>();
        String key = null;
        for (String line : Files.readAllLines(record.resolve("env"))) {
            int eq = line.indexOf('=');
            if (eq > 0 && line.substring(0, eq).matches("[A-Za-z_][A-Za-z0-9_]*")) {
                key = line.substring(0, eq);
                m.put(key, line.substring(eq + 1));
            } else if (key != null) {
                m.put(key, m.get(key) + "\n" + line); // a value with newlines
            }
        }
        return m;
    }

    public Cli.Run run(String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.add("-jar");
        cmd.add(Cli.jar().toString());
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(project().toFile());
        pb.environment().clear();
        pb.environment().putAll(env);
        Path out = Files.createTempFile(root, "out", ".txt");
        Path err = Files.createTempFile(root, "err", ".txt");
        pb.redirectOutput(out.toFile()).redirectError(err.toFile()).redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        Process p = pb.start();
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IllegalStateException("headroom " + String.join(" ", args) + " did not finish");
        }
        byte[] o = Files.readAllBytes(out);
        return new Cli.Run(p.exitValue(), new String(o, StandardCharsets.UTF_8), Files.readString(err), o);
    }
}
