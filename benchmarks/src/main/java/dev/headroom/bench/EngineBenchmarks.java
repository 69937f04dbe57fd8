package dev.headroom.bench;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import dev.headroom.engine.CompressionResult;
import dev.headroom.engine.EngineSettings;
import dev.headroom.engine.HeadroomEngine;
import dev.headroom.engine.RequestOptions;
import dev.headroom.engine.ccr.InMemoryRetrievalStore;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.io.IOException;
import java.util.concurrent.TimeUnit;

/**
 * The engine's speed targets (issue 2), measured cold: a memo that never hits, so every call compresses.
 * <ul>
 *   <li>{@code jsonArray}: a tool result holding a JSON array of 100 (~30 KB) or 5,000 (~1.5 MB) objects.</li>
 *   <li>{@code agentRequest}: a ~100 KB agent request (API JSON, a log, ...), sampled for p50/p99.</li>
 *   <li>{@code mixedRequest}: a ~100 KB request of the command families agents run ({@link MixedWorkload}),
 *       sampled for p50/p99.</li>
 *   <li>{@code passthrough} vs {@code jacksonParse}: a request with nothing to compress against a bare
 *       Jackson streaming parse of the same bytes.</li>
 * </ul>
 */
@State(Scope.Benchmark)
@Fork(value = 1, jvmArgs = {"-Xms1g", "-Xmx1g"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class EngineBenchmarks {

    @Param({"100", "5000"})
    public int objects;

    private HeadroomEngine engine;
    private byte[] arrayRequest;
    private byte[] agentRequest;
    private byte[] mixedRequest;
    private byte[] passthroughRequest;
    private final JsonFactory factory = new JsonFactory();

    @Setup
    public void setup() {
        engine = HeadroomEngine.create(EngineSettings.defaults(), new InMemoryRetrievalStore(), new NoMemo());
        arrayRequest = Workloads.anthropicRequest(Workloads.jsonArray(objects));
        agentRequest = Workloads.anthropicRequest(Workloads.jsonArray(150), Workloads.log(600));
        mixedRequest = MixedWorkload.request();
        StringBuilder small = new StringBuilder();
        for (int i = 0; i < 400; i++) {
            small.append("short output ").append(i);
        }
        String[] outputs = new String[200];
        for (int i = 0; i < outputs.length; i++) {
            outputs[i] = "ok " + i + " " + small.substring(0, 300);
        }
        passthroughRequest = Workloads.anthropicRequest(outputs);
    }

    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    public CompressionResult jsonArray() {
        return engine.compress(arrayRequest, RequestOptions.defaults());
    }

    @Benchmark
    @BenchmarkMode(Mode.SampleTime)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    public CompressionResult agentRequest() {
        return engine.compress(agentRequest, RequestOptions.defaults());
    }

    @Benchmark
    @BenchmarkMode(Mode.SampleTime)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    public CompressionResult mixedRequest() {
        return engine.compress(mixedRequest, RequestOptions.defaults());
    }

    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    public CompressionResult passthrough() {
        return engine.compress(passthroughRequest, RequestOptions.defaults());
    }

    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    public int jacksonParse() throws IOException {
        int tokens = 0;
        try (JsonParser p = factory.createParser(passthroughRequest)) {
            while (p.nextToken() != null) {
                tokens++;
            }
        }
        return tokens;
    }
}
