package dev.headroom.cli.daily;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.headroom.cli.support.Cli;
import dev.headroom.cli.support.UserShell;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code headroom perf} over a request log in the proxy's --log-file format. */
class PerfIT {

    @TempDir
    Path tmp;

    private UserShell shellWithLog() throws Exception {
        UserShell shell = new UserShell(tmp);
        Path log = shell.headroomHome().resolve("logs/requests.jsonl");
        Files.createDirectories(log.getParent());
        String now = Instant.now().toString();
        String old = Instant.now().minus(30, ChronoUnit.DAYS).toString();
        Files.writeString(log, String.join("\n",
                line(now, "claude-sonnet-4-5", 1000, 400, 2.0, 300, 0, "[\"json:rows\",\"log:dedupe\"]"),
                line(now, "claude-sonnet-4-5", 2000, 1000, 4.0, 0, 500, "[\"json:rows\"]"),
                "this line is not json",
                line(now, "gpt-5", 500, 500, -1, 0, 0, "[]"),
                line(old, "gpt-5", 9000, 1000, 1.0, 0, 0, "[]")) + "\n");
        return shell;
    }

    private static String line(String ts, String model, long before, long after, double overhead, long cacheRead,
                               long cacheWrite, String transforms) {
        return "{\"ts\":\"" + ts + "\",\"request_id\":\"r\",\"provider\":\"x\",\"model\":\"" + model + "\","
                + "\"input_tokens_original\":" + before + ",\"input_tokens_optimized\":" + after + ",\"overhead_ms\":" + overhead
                + ",\"ttfb_ms\":" + (overhead < 0 ? -1 : overhead * 100) + ",\"cache_read_tokens\":" + cacheRead + ",\"cache_write_tokens\":" + cacheWrite
                + ",\"transforms_applied\":" + transforms + "}";
    }

    @Test
    void jsonReportsModelsTransformsPercentilesAndCacheHits() throws Exception {
        UserShell shell = shellWithLog();
        Cli.Run r = shell.run("perf", "--format", "json");
        assertEquals(0, r.exit(), r.stderr());
        JsonNode j = new ObjectMapper().readTree(r.stdout());
        assertEquals(3, j.path("total_requests").asLong(), "the 30-day-old line is outside the default 168 h");
        assertEquals(3500, j.path("total_tokens_before").asLong());
        assertEquals(1600, j.path("tokens_saved").asLong());
        assertEquals(1, j.path("skipped_lines").asInt());
        assertEquals(2, j.path("by_model").path("claude-sonnet-4-5").path("requests").asLong());
        assertEquals(2, j.path("by_transform").path("json:rows").path("requests").asLong());
        assertEquals(4.0, j.path("overhead_ms").path("max").asDouble(), 1e-9);
        assertEquals(2.0, j.path("overhead_ms").path("p50").asDouble(), 1e-9, "the -1 (not measured) is left out");
        assertEquals(33.3, j.path("cache_hit_pct").asDouble(), 0.05);
        assertEquals(400.0, j.path("ttfb_ms").path("max").asDouble(), 1e-9);

        JsonNode all = new ObjectMapper().readTree(shell.run("perf", "--format", "json", "--hours", "0").stdout());
        assertEquals(4, all.path("total_requests").asLong());
    }

    @Test
    void csvAndTextFormats() throws Exception {
        UserShell shell = shellWithLog();
        Cli.Run csv = shell.run("perf", "--format", "csv");
        assertTrue(csv.stdout().startsWith("section,key,requests,tokens_before,tokens_after,tokens_saved,savings_pct\n"), csv.stdout());
        assertTrue(csv.stdout().contains("model,claude-sonnet-4-5,2,3000,1400,1600,53.33"), csv.stdout());
        Cli.Run text = shell.run("perf");
        assertTrue(text.stdout().contains("Per transform"), text.stdout());
        assertTrue(text.stdout().contains("overhead ms     p50 2.00"), text.stdout());
        assertEquals(2, shell.run("perf", "--format", "xml").exit());
        assertEquals(2, shell.run("perf", "--log-file", tmp.resolve("missing.jsonl").toString()).exit());
    }
}
