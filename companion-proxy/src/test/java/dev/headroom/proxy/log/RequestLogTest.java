package dev.headroom.proxy.log;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.headroom.proxy.forward.Exchange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.ArrayList;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RequestLogTest {

    @TempDir
    Path dir;

    @Test
    void linesWrittenFromManyThreadsAtOnceAreAllThereWholeAndOncePerRequest() throws Exception {
        Path file = dir.resolve("logs/requests.jsonl");
        RequestLog log = new RequestLog(file, false);
        int threads = 8;
        int each = 500;
        CountDownLatch go = new CountDownLatch(1);
        List<Future<?>> done = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(threads)) {
            for (int t = 0; t < threads; t++) {
                int thread = t;
                done.add(pool.submit(() -> {
                    go.await();
                    for (int i = 0; i < each; i++) {
                        Exchange x = new Exchange("r-" + thread + "-" + i);
                        x.path = "/v1/messages";
                        log.write(x);
                    }
                    return null;
                }));
            }
            go.countDown();
            for (Future<?> f : done) {
                f.get();
            }
        }
        log.close();
        ObjectMapper json = new ObjectMapper();
        Set<String> ids = new HashSet<>();
        List<String> lines = Files.readAllLines(file);
        for (String line : lines) {
            JsonNode n = json.readTree(line);
            assertTrue(ids.add(n.get("request_id").asText()), "twice: " + line);
        }
        assertEquals(threads * each, lines.size());
    }

    @Test
    void eachLineIsOnDiskWhenWriteReturnsWithoutClosing() throws Exception {
        Path file = dir.resolve("requests.jsonl");
        RequestLog log = new RequestLog(file, false);
        Exchange x = new Exchange("only");
        log.write(x);
        assertEquals(1, Files.readAllLines(file).size(), "flushed for tail -f");
        log.close();
    }
}
