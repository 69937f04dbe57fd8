package dev.headroom.samples.runner;

import dev.headroom.testsupport.FakeLlmUpstream;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Runs every sample without and with the agent against the project's recording fake upstream and prints,
 * per sample, the bytes and tokens the upstream received each way. Run it with {@code samples/run-all.sh}.
 *
 * <p>Arguments: the repository root; the samples run on {@code -Dsamples.java} (default: a JDK 17 when
 * one is found, since the apps and the agent target Java 17; else this JVM).
 */
public final class RunAllSamples {

    private RunAllSamples() {
    }

    public static void main(String[] args) throws Exception {
        Path root = Path.of(args.length > 0 ? args[0] : ".").toAbsolutePath().normalize();
        Path agent = root.resolve("agent/target/headroom-agent.jar");
        if (!Files.exists(agent)) {
            System.err.println("no agent at " + agent + ": build it with ./mvnw -DskipTests package -pl agent -am");
            System.exit(2);
        }
        Path java = javaForSamples();
        Path home = Files.createTempDirectory("headroom-samples");
        System.out.println("Samples on " + java + ", agent " + agent.getFileName() + ", upstream: the project's FakeLlmUpstream");
        System.out.printf(Locale.ROOT, "%-15s %12s %12s %12s %12s %8s  %s%n", "sample", "bytes w/o", "bytes with",
                "tokens w/o", "tokens with", "saved", "tokenizer");
        int failures = 0;
        try (FakeLlmUpstream upstream = FakeLlmUpstream.start(0)) {
            for (SampleApp app : SampleApp.ALL) {
                SampleRun without = SampleRun.run(app, root.resolve("samples"), java, null, upstream, home);
                SampleRun with = SampleRun.run(app, root.resolve("samples"), java, agent, upstream, home);
                boolean ok = without.exitCode() == 0 && with.exitCode() == 0;
                failures += ok ? 0 : 1;
                System.out.printf(Locale.ROOT, "%-15s %12d %12d %12d %12d %7.1f%%  %s%s%n", app.name(), without.bodyBytes(),
                        with.bodyBytes(), without.bodyTokens(), with.bodyTokens(),
                        without.bodyTokens() == 0 ? 0.0 : 100.0 * (without.bodyTokens() - with.bodyTokens()) / without.bodyTokens(),
                        with.tokenizer(), ok ? "" : "  FAILED: " + (with.exitCode() != 0 ? with.output() : without.output()));
            }
        }
        System.exit(failures == 0 ? 0 : 1);
    }

    static Path javaForSamples() {
        String configured = System.getProperty("samples.java");
        if (configured != null) {
            return Path.of(configured);
        }
        for (String dir : new String[] {"/usr/lib/jvm/java-17-openjdk-amd64", "/usr/lib/jvm/temurin-17-jdk-amd64"}) {
            Path p = Path.of(dir, "bin", "java");
            if (Files.isExecutable(p)) {
                return p;
            }
        }
        return Path.of(System.getProperty("java.home"), "bin", "java");
    }
}
