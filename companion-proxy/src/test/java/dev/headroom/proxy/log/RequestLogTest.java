package dev.headroom.proxy.log;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.headroom.proxy.record.ExchangeRecord;
import dev.headroom.proxy.record.ExchangeRecorder;
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
    void theLogAndItsDirectoryAreOwnerOnly() throws Exception {
        Path file = dir.resolve("logs/requests.jsonl");
        try (RequestLog log = new RequestLog(file, false)) {
            assertEquals("rw-------", java.nio.file.attribute.PosixFilePermissions.toString(
                    java.nio.file.Files.getPosixFilePermissions(file)));
            assertEquals("rwx------", java.nio.file.attribute.PosixFilePermissions.toString(
                    java.nio.file.Files.getPosixFilePermissions(file.getParent())));
        }
    }

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
                        ExchangeRecorder x = new ExchangeRecorder("r-" + thread + "-" + i);
                        x.route("POST", "/v1/messages", "anthropic");
                        log.write(x.finish());
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
        log.write(new ExchangeRecorder("only").finish());
        assertEquals(1, Files.readAllLines(file).size(), "flushed for tail -f");
        log.close();
    }
    @Test
    void aLineCarriesEveryFieldAndBodiesOnlyWhenAskedFor() throws Exception {
        ExchangeRecorder r = new ExchangeRecorder("req-1");
        r.route("POST", "/v1/messages", "anthropic");
        r.engineRan("claude-sonnet-4-5", 4000, 1000, true);
        r.status(200);
        r.stream(true);
        r.figures(1000, 250, "test");
        r.usage(u -> {
            u.input = 260;
            u.cacheRead = 40;
        });
        r.transform("json-table");
        r.ccrHashes(List.of("abc123"));
        r.bodies("{\"messages\":[]}", null);
        ExchangeRecord x = r.finish();
        ObjectMapper json = new ObjectMapper();
        for (boolean messages : new boolean[] {false, true}) {
            Path file = dir.resolve("fields-" + messages + ".jsonl");
            try (RequestLog log = new RequestLog(file, messages)) {
                log.write(x);
            }
            List<String> lines = Files.readAllLines(file);
            assertEquals(1, lines.size(), "one line, whatever the error text holds");
            JsonNode n = json.readTree(lines.get(0));
            assertEquals("req-1", n.get("request_id").asText());
            assertEquals("claude-sonnet-4-5", n.get("model").asText());
            assertTrue(n.get("session").isNull());
            assertTrue(n.get("stream").asBoolean());
            assertEquals(200, n.get("status").asInt());
            assertEquals(750, n.get("tokens_saved").asLong());
            assertEquals(75.0, n.get("savings_percent").asDouble());
            assertEquals(260, n.get("input_tokens").asLong());
            assertEquals(40, n.get("cache_read_tokens").asLong());
            assertEquals(-1.0, n.get("ttfb_ms").asDouble(), "not measured");
            assertEquals("json-table", n.get("transforms_applied").get(0).asText());
            assertEquals("abc123", n.get("ccr_hashes").get(0).asText());
            assertTrue(n.get("error") == null, "no error: " + n);
            assertEquals(4000, n.get("bytes_before").asLong());
            assertEquals(messages, n.has("request_body"));
            if (messages) {
                assertEquals("{\"messages\":[]}", n.get("request_body").asText());
                assertTrue(n.get("forwarded_body").isNull(), "nothing changed: no second copy");
            }
        }
    }

    @Test
    void anErrorIsWrittenOnOneLineAndTheExchangeSavedNothing() throws Exception {
        ExchangeRecorder r = new ExchangeRecorder("req-2");
        r.route("POST", "/v1/messages", "anthropic");
        r.status(200);
        r.figures(1000, 250, "test");
        r.failed("upstream failed mid-stream: \"quoted\"\nsecond line");
        Path file = dir.resolve("error.jsonl");
        try (RequestLog log = new RequestLog(file, false)) {
            log.write(r.finish());
        }
        List<String> lines = Files.readAllLines(file);
        assertEquals(1, lines.size());
        JsonNode n = new ObjectMapper().readTree(lines.get(0));
        assertEquals("upstream failed mid-stream: \"quoted\"\nsecond line", n.get("error").asText());
        assertEquals(0, n.get("tokens_saved").asLong(), "a cut exchange saved nothing");
        assertEquals(1000, n.get("input_tokens_original").asLong());
    }
}
