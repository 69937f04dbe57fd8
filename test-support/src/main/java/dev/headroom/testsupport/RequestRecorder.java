package dev.headroom.testsupport;

import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Keeps received requests in order and optionally appends each to a JSONL file as it arrives. */
final class RequestRecorder {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final List<RecordedRequest> requests = new ArrayList<>();
    private BufferedWriter jsonl;

    synchronized void appendTo(Path file) {
        closeFile();
        try {
            if (file.toAbsolutePath().getParent() != null) {
                Files.createDirectories(file.toAbsolutePath().getParent());
            }
            jsonl = Files.newBufferedWriter(file, StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the record file " + file, e);
        }
    }

    synchronized RecordedRequest record(String method, String pathAndQuery, Map<String, List<String>> headers, byte[] body) {
        RecordedRequest r = new RecordedRequest(requests.size() + 1, method, pathAndQuery, headers, body);
        requests.add(r);
        if (jsonl != null) {
            try {
                jsonl.write(r.toJson(JSON).toString());
                jsonl.write('\n');
                jsonl.flush();
            } catch (IOException e) {
                System.err.println("fake upstream: cannot append to the record file: " + e.getMessage());
            }
        }
        notifyAll();
        return r;
    }

    synchronized List<RecordedRequest> all() {
        return List.copyOf(requests);
    }

    synchronized List<RecordedRequest> await(int count, long timeoutMillis) throws InterruptedException {
        long deadline = System.currentTimeMillis() + timeoutMillis;
        while (requests.size() < count) {
            long left = deadline - System.currentTimeMillis();
            if (left <= 0) {
                break;
            }
            wait(left);
        }
        return List.copyOf(requests);
    }

    synchronized void clear() {
        requests.clear();
    }

    synchronized void close() {
        closeFile();
    }

    private void closeFile() {
        if (jsonl != null) {
            try {
                jsonl.close();
            } catch (IOException ignored) {
                // nothing left to save
            }
            jsonl = null;
        }
    }
}
