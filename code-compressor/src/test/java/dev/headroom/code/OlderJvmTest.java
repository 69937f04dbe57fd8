package dev.headroom.code;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * On a JVM below 22 the code engine reports itself unavailable and loads nothing it cannot run: a real
 * Java 17 process (a JDK found beside the one running the tests) asks {@link CodeEngineStatus}.
 */
class OlderJvmTest {

    @Test
    void onJava17TheEngineSaysItIsUnavailableAndWhy() throws Exception {
        Optional<Path> java17 = findJdk(17);
        assumeTrue(java17.isPresent(), "no JDK 17 installed beside " + System.getProperty("java.home"));
        Process p = new ProcessBuilder(java17.get().resolve("bin/java").toString(),
                "-cp", System.getProperty("java.class.path"), CodeEngineStatus.class.getName())
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(3, p.waitFor(), out);
        assertTrue(out.contains("code engine unavailable: needs Java 22+ (the FFM API); this JVM is Java 17"), out);
        assertTrue(out.contains("compressor: none"), out);
    }

    @Test
    void onThisJvmTheSameEntryPointSaysAvailable() throws Exception {
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--enable-native-access=ALL-UNNAMED", "-cp", System.getProperty("java.class.path"),
                CodeEngineStatus.class.getName()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.waitFor(), out);
        assertTrue(out.contains("compressor: code.ast"), out);
    }

    static Optional<Path> findJdk(int feature) throws IOException {
        Path jvms = Path.of(System.getProperty("java.home")).toAbsolutePath().getParent();
        if (jvms == null || !Files.isDirectory(jvms)) {
            return Optional.empty();
        }
        try (Stream<Path> dirs = Files.list(jvms)) {
            return dirs.filter(d -> Files.isExecutable(d.resolve("bin/java")))
                    .filter(d -> releaseFeature(d) == feature)
                    .sorted()
                    .findFirst();
        }
    }

    private static int releaseFeature(Path jdk) {
        try {
            for (String line : Files.readAllLines(jdk.resolve("release"))) {
                if (line.startsWith("JAVA_VERSION=")) {
                    String v = line.substring("JAVA_VERSION=".length()).replace("\"", "");
                    return Integer.parseInt(v.split("[.+-]")[0]);
                }
            }
        } catch (IOException | RuntimeException e) {
            return -1;
        }
        return -1;
    }
}
