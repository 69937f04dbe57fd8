package dev.headroom.e2e;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * The project directory the clients work in, with two tool outputs the engine is built for: an admin-API
 * style JSON array (the JSON compressor: table plus row selection) and an application log (the log
 * compressor). Both stay under Claude Code's 30 KB limit, above which it saves the output to a file and
 * sends a 2 KB preview instead.
 */
final class Workspace {

    static final String JSON_FILE = "orders.json";
    static final String LOG_FILE = "app.log";

    private Workspace() {
    }

    static Path create(Path dir) throws IOException {
        Files.createDirectories(dir);
        Files.writeString(dir.resolve(JSON_FILE), ordersJson());
        Files.writeString(dir.resolve(LOG_FILE), appLog());
        return dir;
    }

    /** 150 order records, pretty-printed (about 24 KB). Every 13th one failed. */
    static String ordersJson() {
        String[] regions = {"eu-west-1", "us-east-1", "ap-south-1"};
        StringBuilder b = new StringBuilder("[\n");
        for (int i = 0; i < 150; i++) {
            b.append(String.format(Locale.ROOT, " {\n  \"id\": %d,\n  \"service\": \"orders-%d\",\n  \"status\": \"%s\",\n"
                            + "  \"latency_ms\": %d,\n  \"region\": \"%s\",\n  \"message\": \"request handled for customer %05d\"\n }%s\n",
                    i, i % 7, i % 13 == 0 ? "ERROR" : "OK", (i * 37) % 900, regions[i % 3], i * 11, i < 149 ? "," : ""));
        }
        return b.append("]").toString();
    }

    /** 240 lines of a request log with a few WARN and ERROR lines (about 28 KB). */
    static String appLog() {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < 240; i++) {
            String level = i % 47 == 0 ? "ERROR" : i % 17 == 0 ? "WARN" : "INFO";
            b.append(String.format(Locale.ROOT, "2026-11-26T10:%02d:%02d.%03dZ %-5s [http-nio-8080-exec-%d] c.a.o.OrderController"
                    + " - handled GET /api/orders/%d in %d ms\n", i / 60 % 60, i % 60, i * 7 % 1000, level, i % 8, 1000 + i, (i * 13) % 250));
        }
        return b.toString();
    }
}
