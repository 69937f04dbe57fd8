package dev.headroom.proxy.stats;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BatchWriterTest {

    @Test
    void flushReturnsOnceEverythingAddedBeforeIsStoredInOrder() {
        List<Integer> stored = Collections.synchronizedList(new ArrayList<>());
        try (BatchWriter<Integer> w = new BatchWriter<>("test-writer", "numbers", stored::addAll)) {
            for (int i = 0; i < 5_000; i++) {
                w.add(i);
            }
            w.flush();
            assertEquals(5_000, stored.size());
            for (int i = 0; i < 5_000; i++) {
                assertEquals(i, stored.get(i));
            }
        }
    }

    @Test
    void itemsQueuedFromManyThreadsAreStoredInFewerCallsAndNoneIsLostOnClose() throws Exception {
        List<Integer> stored = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger calls = new AtomicInteger();
        BatchWriter<Integer> w = new BatchWriter<>("test-writer", "numbers", batch -> {
            calls.incrementAndGet();
            Thread.sleep(2); // a slow store lets the queue fill up
            stored.addAll(batch);
        });
        try (ExecutorService pool = Executors.newFixedThreadPool(8)) {
            for (int t = 0; t < 8; t++) {
                int base = t * 1_000;
                pool.submit(() -> {
                    for (int i = 0; i < 1_000; i++) {
                        w.add(base + i);
                    }
                });
            }
        }
        w.close();
        assertEquals(8_000, stored.size());
        assertEquals(8_000, stored.stream().distinct().count());
        assertTrue(calls.get() < 8_000 / 10, calls.get() + " store calls for 8,000 items");
        w.add(-1); // after close: stored at once, not lost
        assertTrue(stored.contains(-1));
    }

    @Test
    void aFailingBatchIsReportedAndTheWriterGoesOn() {
        List<Integer> stored = Collections.synchronizedList(new ArrayList<>());
        try (BatchWriter<Integer> w = new BatchWriter<>("test-writer", "numbers", batch -> {
            if (batch.contains(1)) {
                throw new IllegalStateException("disk full");
            }
            stored.addAll(batch);
        })) {
            w.add(1);
            w.flush();
            w.add(2);
            w.flush();
            assertEquals(List.of(2), stored);
        }
    }
}
