package dev.headroom.agent.it;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** Runs the scenario "app" in a fresh JVM, with or without the built agent jar. */
final class ForkedApp {

    record Result(int exitCode, String stdout, String stderr) {
        String line(String prefix) {
            return stdout.lines().filter(l -> l.startsWith(prefix)).findFirst().orElse("");
        }

        long stat(String name) {
            for (String part : line("STATS").split(" ")) {
                if (part.startsWith(name + "=")) {
                    return Long.parseLong(part.substring(name.length() + 1));
                }
            }
            throw new AssertionError("no " + name + " in STATS line; stdout:\n" + stdout + "\nstderr:\n" + stderr);
        }

        @Override
        public String toString() {
            return "exit " + exitCode + "\n--- stdout\n" + stdout + "--- stderr\n" + stderr;
        }
    }

    static Path agentJar() {
        return Path.of(System.getProperty("headroom.agent.jar", "target/headroom-agent.jar"));
    }

    /**
     * The JDK home for {@code key} ({@code headroom.it.jdk17}, {@code headroom.it.jdk25}): the property's value
     * when set, else a JDK of that feature release next to the running one (e.g. under /usr/lib/jvm), else
     * null, and the caller skips that JDK.
     */
    static Path jdk(String key) {
        String configured = System.getProperty(key, "");
        if (!configured.isBlank()) {
            return Files.isExecutable(Path.of(configured, "bin", "java")) ? Path.of(configured) : null;
        }
        String feature = key.substring(key.length() - 2);
        Path current = Path.of(System.getProperty("java.home"));
        if (feature.equals(String.valueOf(Runtime.version().feature()))) {
            return current;
        }
        try (Stream<Path> siblings = Files.list(current.getParent())) {
            return siblings.filter(d -> Files.isExecutable(d.resolve("bin").resolve("java")))
                    .filter(d -> feature.equals(releaseFeature(d))).sorted().findFirst().orElse(null);
        } catch (IOException e) {
            return null;
        }
    }

    private static String releaseFeature(Path jdkHome) {
        try {
            for (String line : Files.readAllLines(jdkHome.resolve("release"))) {
                if (line.startsWith("JAVA_VERSION=\"")) {
                    String v = line.substring("JAVA_VERSION=\"".length());
                    int end = 0;
                    while (end < v.length() && Character.isDigit(v.charAt(end))) {
                        end++;
                    }
                    return v.substring(0, end);
                }
            }
        } catch (IOException e) {
            // not a JDK
        }
        return "";
    }

    static String classPath(String... clientDirs) throws IOException {
        List<String> cp = new ArrayList<>();
        cp.add(System.getProperty("headroom.it.scenarios", "target/test-classes"));
        Path clients = Path.of(System.getProperty("headroom.it.clients", "target/clients"));
        for (String dir : clientDirs) {
            try (Stream<Path> jars = Files.list(clients.resolve(dir))) {
                cp.addAll(jars.map(Path::toString).sorted().collect(Collectors.toList()));
            }
        }
        return String.join(File.pathSeparator, cp);
    }

    static Result run(Path jdk, String agentArgs, List<String> jvmOptions, Map<String, String> env, String classPath,
                      String... appArgs) throws Exception {
        List<String> cmd = new ArrayList<>();
        cmd.add(jdk.resolve("bin").resolve("java").toString());
        if (agentArgs != null) {
            cmd.add("-javaagent:" + agentJar().toAbsolutePath() + (agentArgs.isEmpty() ? "" : "=" + agentArgs));
        }
        cmd.addAll(jvmOptions);
        if (classPath.endsWith(".jar") && !classPath.contains(File.pathSeparator)) {
            cmd.add("-jar"); // an executable jar (Spring Boot) whose manifest names the main class
            cmd.add(classPath);
        } else {
            cmd.add("-cp");
            cmd.add(classPath);
            cmd.add("dev.headroom.agent.scenario.Scenario");
        }
        cmd.addAll(List.of(appArgs));
        ProcessBuilder pb = new ProcessBuilder(cmd);
        pb.environment().putAll(env);
        Path out = Files.createTempFile("scenario", ".out");
        Path err = Files.createTempFile("scenario", ".err");
        pb.redirectOutput(out.toFile()).redirectError(err.toFile());
        Process p = pb.start();
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("scenario timed out: " + cmd);
        }
        Result r = new Result(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8));
        Files.deleteIfExists(out);
        Files.deleteIfExists(err);
        return r;
    }
}
