package dev.headroom.samples.runner;

import dev.headroom.testsupport.FakeLlmUpstream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every sample app, unchanged, runs with the agent: it gets its answer, and the upstream receives a
 * smaller request than without the agent.
 */
class SamplesWithAgentIT {

    @TempDir
    Path home;

    @TestFactory
    List<DynamicTest> everySampleRunsWithTheAgentAndSendsFewerTokens() throws Exception {
        Path root = Path.of(System.getProperty("user.dir")).toAbsolutePath().getParent().getParent();
        Path agent = root.resolve("agent/target/headroom-agent.jar");
        Assumptions.assumeTrue(Files.exists(agent), "the agent jar is not built");
        Path java = RunAllSamples.javaForSamples();
        List<DynamicTest> tests = new ArrayList<>();
        for (SampleApp app : SampleApp.ALL) {
            tests.add(DynamicTest.dynamicTest(app.name(), () -> {
                try (FakeLlmUpstream upstream = FakeLlmUpstream.start(0)) {
                    SampleRun without = SampleRun.run(app, root.resolve("samples"), java, null, upstream, home);
                    SampleRun with = SampleRun.run(app, root.resolve("samples"), java, agent, upstream, home);
                    assertEquals(0, without.exitCode(), without.output());
                    assertEquals(0, with.exitCode(), with.output());
                    assertTrue(with.output().contains("answer:"), with.output());
                    assertTrue(with.bodyBytes() > 0);
                    assertTrue(with.bodyTokens() < without.bodyTokens(),
                            app.name() + ": " + with.bodyTokens() + " tokens with the agent, " + without.bodyTokens() + " without");
                    System.out.printf("%s: %d -> %d bytes, %d -> %d tokens (%s)%n", app.name(), without.bodyBytes(),
                            with.bodyBytes(), without.bodyTokens(), with.bodyTokens(), with.tokenizer());
                }
            }));
        }
        return tests;
    }
}
