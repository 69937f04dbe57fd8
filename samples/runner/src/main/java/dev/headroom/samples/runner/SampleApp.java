package dev.headroom.samples.runner;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * One sample: its module directory and main class. Its class path comes from the
 * {@code target/classpath.txt} the build writes.
 */
public record SampleApp(String name, String mainClass) {

    public static final List<SampleApp> ALL = List.of(
            new SampleApp("anthropic-sdk", "dev.headroom.samples.anthropic.AnthropicSdkSample"),
            new SampleApp("openai-sdk", "dev.headroom.samples.openai.OpenAiSdkSample"),
            new SampleApp("langchain4j", "dev.headroom.samples.langchain4j.LangChain4jSample"),
            new SampleApp("spring-ai", "dev.headroom.samples.springai.SpringAiSample"));

    /** The runtime class path of this sample, under {@code samplesDir}. */
    public String classPath(Path samplesDir) throws IOException {
        Path module = samplesDir.resolve(name);
        Path cp = module.resolve("target/classpath.txt");
        if (!Files.exists(cp)) {
            throw new IOException(cp + " is missing: build the samples first (./mvnw -DskipTests package -pl samples -amd)");
        }
        return module.resolve("target/classes") + java.io.File.pathSeparator + Files.readString(cp).trim();
    }
}
