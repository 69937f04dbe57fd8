package dev.headroom.samples.runner;

import dev.headroom.engine.tokens.TokenCounter;
import dev.headroom.engine.tokens.TokenCounters;
import dev.headroom.testsupport.FakeLlmUpstream;
import dev.headroom.testsupport.RecordedRequest;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs a sample in a forked JVM against the fake upstream, with or without the agent, and reports what
 * the upstream received.
 *
 * @param exitCode   the sample's exit code
 * @param output     what it printed (stdout and stderr)
 * @param bodyBytes  bytes of the request bodies the upstream received
 * @param bodyTokens tokens of those bodies (the model's tokenizer; Claude figures are estimates)
 * @param tokenizer  which tokenizer counted them
 */
public record SampleRun(int exitCode, String output, long bodyBytes, long bodyTokens, String tokenizer) {

    /** Runs {@code app} with {@code java}; {@code agentJar} null runs it without the agent. */
    public static SampleRun run(SampleApp app, Path samplesDir, Path java, Path agentJar, FakeLlmUpstream upstream,
                                Path home) throws IOException, InterruptedException {
        upstream.clearRequests();
        List<String> cmd = new ArrayList<>();
        cmd.add(java.toString());
        if (agentJar != null) {
            cmd.add("-javaagent:" + agentJar + "=hosts=127.0.0.1:" + upstream.port());
        }
        cmd.add("-cp");
        cmd.add(app.classPath(samplesDir));
        cmd.add(app.mainClass());
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        pb.environment().put("LLM_BASE_URL", upstream.baseUrl());
        pb.environment().put("HEADROOM_HOME", home.toString());
        Path log = Files.createTempFile("sample-" + app.name(), ".log");
        pb.redirectOutput(log.toFile());
        Process p = pb.start();
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IOException(app.name() + " did not finish within 120 s; output in " + log);
        }
        String output = Files.readString(log);
        Files.deleteIfExists(log);
        long bytes = 0;
        long tokens = 0;
        String tokenizer = "";
        for (RecordedRequest r : upstream.requests()) {
            String body = new String(r.body(), StandardCharsets.UTF_8);
            TokenCounter counter = TokenCounters.forModel(model(body), r.path().contains("/messages"));
            bytes += r.body().length;
            tokens += counter.count(body);
            tokenizer = counter.label();
        }
        return new SampleRun(p.exitValue(), output, bytes, tokens, tokenizer);
    }

    private static String model(String body) {
        int i = body.indexOf("\"model\"");
        if (i < 0) {
            return "";
        }
        int q1 = body.indexOf('"', body.indexOf(':', i) + 1);
        int q2 = body.indexOf('"', q1 + 1);
        return q1 < 0 || q2 < 0 ? "" : body.substring(q1 + 1, q2);
    }
}
