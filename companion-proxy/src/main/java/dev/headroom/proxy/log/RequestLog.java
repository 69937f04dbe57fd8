package dev.headroom.proxy.log;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.headroom.engine.format.JsonFactories;
import dev.headroom.engine.store.StoreFiles;
import dev.headroom.proxy.record.ExchangeRecord;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.locks.ReentrantLock;

/**
 * {@code --log-file}: one JSON line per request with ids, model, tokens, timings and transforms. Headers are
 * never written, so credentials cannot leak; bodies are written only with {@code --log-messages}.
 */
public final class RequestLog implements AutoCloseable {

    private static final JsonFactory JSON = JsonFactories.pooled();
    private final BufferedWriter out;
    private final boolean messages;
    private final Queue<String> pending = new ConcurrentLinkedQueue<>();
    private final ReentrantLock writing = new ReentrantLock();

    public RequestLog(Path file, boolean messages) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null && !Files.isDirectory(parent)) {
            StoreFiles.ensurePrivateDir(parent);
        }
        // it holds request metadata (and bodies with --log-messages): owner-only, like the store
        StoreFiles.ensurePrivateFile(file);
        this.out = Files.newBufferedWriter(file, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                StandardOpenOption.APPEND);
        this.messages = messages;
    }

    public void write(ExchangeRecord x) {
        pending.add(line(x));
        drain();
    }

    /**
     * One JSON line, generated straight into text: building a tree of ~30 nodes first was most of the log's
     * garbage per request.
     */
    private String line(ExchangeRecord x) {
        StringWriter text = new StringWriter(1024); // a line is ~700 characters: no regrowth
        try (JsonGenerator g = JSON.createGenerator(text)) {
            g.writeStartObject();
            g.writeStringField("ts", Instant.ofEpochMilli(x.startedMillis()).toString());
            g.writeStringField("request_id", x.requestId());
            g.writeStringField("method", x.method());
            g.writeStringField("path", x.path());
            g.writeStringField("provider", x.provider());
            g.writeStringField("model", x.model());
            g.writeStringField("session", x.session());
            g.writeBooleanField("stream", x.stream());
            g.writeNumberField("status", x.status());
            g.writeBooleanField("compressed", x.compressed());
            if (x.skipReason() != null) {
                g.writeStringField("skip_reason", x.skipReason());
            }
            g.writeNumberField("input_tokens_original", x.tokensBefore());
            g.writeNumberField("input_tokens_optimized", x.tokensAfter());
            g.writeNumberField("tokens_saved", x.tokensSaved());
            g.writeNumberField("savings_percent",
                    x.tokensBefore() == 0 ? 0 : Math.round(1000.0 * x.tokensSaved() / x.tokensBefore()) / 10.0);
            g.writeStringField("tokenizer", x.tokenizer());
            if (x.bytesBefore() >= 0) {
                g.writeNumberField("bytes_before", x.bytesBefore());
                g.writeNumberField("bytes_after", x.bytesAfter());
            }
            g.writeNumberField("input_tokens", x.usage().input());
            g.writeNumberField("output_tokens", x.usage().output());
            g.writeNumberField("cache_read_tokens", x.usage().cacheRead());
            g.writeNumberField("cache_write_tokens", x.usage().cacheCreation());
            g.writeNumberField("overhead_ms", ms(x.overheadNanos()));
            g.writeNumberField("ttfb_ms", ms(x.ttfbNanos()));
            g.writeNumberField("total_ms", ms(x.totalNanos()));
            g.writeArrayFieldStart("transforms_applied");
            for (String t : x.transforms()) {
                g.writeString(t);
            }
            g.writeEndArray();
            g.writeArrayFieldStart("ccr_hashes");
            for (String h : x.ccrHashes()) {
                g.writeString(h);
            }
            g.writeEndArray();
            g.writeNumberField("retrieve_rounds", x.retrieveRounds());
            g.writeBooleanField("client_disconnected", x.clientGone());
            if (x.error() != null) {
                g.writeStringField("error", x.error());
            }
            if (messages) {
                g.writeStringField("request_body", x.requestBody());
                g.writeStringField("forwarded_body", x.forwardedBody());
            }
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a StringWriter does not fail
        }
        return text.toString();
    }

    /**
     * Whoever holds the file writes every queued line and flushes once, so a request thread never waits for
     * another's write: JFR showed 50 threads queueing on the writer's monitor (700 blocks, 32 s in total over
     * 13,000 requests) while the streams they had finished could not end. A thread that finds the file busy
     * leaves its line to the holder, which checks the queue again after letting go, so no line is left behind.
     */
    private void drain() {
        while (!pending.isEmpty() && writing.tryLock()) {
            try {
                String line;
                while ((line = pending.poll()) != null) {
                    out.write(line);
                    out.write('\n');
                }
                out.flush();
            } catch (IOException e) {
                // the request itself succeeded; a full disk must not fail it
            } finally {
                writing.unlock();
            }
        }
    }

    private static double ms(long nanos) {
        return nanos < 0 ? -1 : Math.round(nanos / 1e3) / 1e3;
    }

    @Override
    public void close() throws IOException {
        writing.lock();
        try {
            String line;
            while ((line = pending.poll()) != null) {
                out.write(line);
                out.write('\n');
            }
        } finally {
            try {
                out.close();
            } finally {
                writing.unlock();
            }
        }
    }
}
