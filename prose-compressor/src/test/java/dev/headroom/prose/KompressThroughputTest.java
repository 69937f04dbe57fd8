package dev.headroom.prose;

import dev.headroom.prose.kompress.KompressPipeline;
import dev.headroom.prose.kompress.OnnxKeepScorer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Prints the pipeline's throughput in words per second through ONNX Runtime and the DJL tokenizer, on
 * the tiny test model: the cost of everything around the network (tokenizing, chunking, tensors,
 * decisions, joining). A real ModernBERT-base adds its own inference time on top.
 */
class KompressThroughputTest {

    @TempDir
    Path dir;

    @Test
    void wordsPerSecond() throws Exception {
        String[] vocabulary = {"the", "cat", "sat", "on", "mat", "and", "dog", "was", "in", "garden", "of", "house",
                "server", "failed", "disk", "full,", "restart", "error", "user", "login", "quite", "very", "zebra",
                "/var/log/app.log", "42", "retryPolicy", "compression."};
        Random random = new Random(7);
        StringBuilder text = new StringBuilder();
        int words = 20_000;
        for (int i = 0; i < words; i++) {
            text.append(vocabulary[random.nextInt(vocabulary.length)]).append(i % 17 == 16 ? "\n" : " ");
        }
        Path model = TinyKompressModel.write(dir);
        try (OnnxKeepScorer scorer = OnnxKeepScorer.load(model, dir.resolve("tokenizer.json"))) {
            KompressPipeline pipeline = new KompressPipeline(scorer);
            pipeline.run(text.toString(), System.nanoTime() + 60_000_000_000L); // warm-up
            var cpu = java.lang.management.ManagementFactory.getThreadMXBean();
            double[] rates = new double[3];
            double[] cpuRates = new double[3];
            KompressPipeline.Outcome o = null;
            for (int r = 0; r < rates.length; r++) {
                long c0 = cpu.getCurrentThreadCpuTime();
                long t0 = System.nanoTime();
                o = pipeline.run(text.toString(), System.nanoTime() + 60_000_000_000L);
                rates[r] = words / ((System.nanoTime() - t0) / 1e9);
                cpuRates[r] = words / ((cpu.getCurrentThreadCpuTime() - c0) / 1e9);
            }
            Arrays.sort(rates);
            Arrays.sort(cpuRates);
            System.out.printf("Kompress pipeline on the tiny test model: %.0f words/s wall, %.0f words per CPU-second"
                    + " (medians of 3 runs of %d words; kept %d)%n", rates[1], cpuRates[1], words, o.kept());
            assertTrue(o.kept() < words && o.kept() > 0);
        }
    }
}
