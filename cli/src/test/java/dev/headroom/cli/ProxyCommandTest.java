package dev.headroom.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ProxyCommandTest {

    @TempDir
    Path home;

    @Test
    void optionsOverrideEnvironmentAndDefaultsFollowIt() {
        ProxyCommand cmd = new ProxyCommand();
        new CommandLine(cmd).parseArgs("--port", "9999", "--openai-api-url", "http://127.0.0.1:1/", "--mode", "lossless",
                "--no-optimize", "--max-body-mb", "5", "--no-request-log");
        var c = cmd.config(Map.of("HEADROOM_HOME", home.toString(), "HEADROOM_PROXY_TOKEN", "t"));
        assertEquals(9999, c.port());
        assertEquals("127.0.0.1", c.host());
        assertEquals("http://127.0.0.1:1", c.openaiUrl().toString());
        assertEquals("https://api.anthropic.com", c.anthropicUrl().toString());
        assertEquals("lossless", c.mode().label());
        assertEquals(false, c.optimize());
        assertEquals(5L * 1024 * 1024, c.maxBodyBytes());
        assertNull(c.logFile());
        assertEquals("t", c.proxyToken());
        ProxyCommand defaults = new ProxyCommand();
        new CommandLine(defaults).parseArgs();
        var d = defaults.config(Map.of("HEADROOM_HOME", home.toString()));
        assertEquals(home.resolve("logs/requests.jsonl"), d.logFile());
        assertEquals(300_000, d.firstByteTimeoutMillis(), "well under the 600 s clients used to wait for a 502");
        assertEquals(10_000, d.headerTimeoutMillis());
    }

    @Test
    void deadlineFlagsSetTheDeadlines() {
        ProxyCommand cmd = new ProxyCommand();
        new CommandLine(cmd).parseArgs("--first-byte-timeout", "42", "--header-timeout", "3");
        var c = cmd.config(Map.of("HEADROOM_HOME", home.toString()));
        assertEquals(42_000, c.firstByteTimeoutMillis());
        assertEquals(3_000, c.headerTimeoutMillis());
        ProxyCommand bad = new ProxyCommand();
        new CommandLine(bad).parseArgs("--first-byte-timeout", "soon");
        assertThrows(IllegalArgumentException.class, () -> bad.config(Map.of("HEADROOM_HOME", home.toString())));
    }

    @Test
    void servesPrintsABannerAndStops() throws Exception {
        ProxyCommand cmd = new ProxyCommand();
        CommandLine cl = new CommandLine(cmd);
        StringWriter out = new StringWriter();
        cl.setOut(new PrintWriter(out, true));
        var pool = Executors.newSingleThreadExecutor();
        try {
            Future<Integer> exit = pool.submit(() -> cl.execute("--port", "0", "--log-file",
                    home.resolve("r.jsonl").toString(), "--anthropic-api-url", "http://127.0.0.1:1"));
            long deadline = System.currentTimeMillis() + 30_000;
            while (!out.toString().contains("Ctrl-C") && System.currentTimeMillis() < deadline && !exit.isDone()) {
                Thread.sleep(50);
            }
            String banner = out.toString();
            assertTrue(banner.contains("Anthropic  -> http://127.0.0.1:1"), banner);
            Matcher m = Pattern.compile("listening on (http://127\\.0\\.0\\.1:\\d+)").matcher(banner);
            assertTrue(m.find(), banner);
            HttpResponse<String> live = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create(m.group(1) + "/livez")).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, live.statusCode());
            assertTrue(live.body().contains("\"alive\":true"));
            cmd.stop.countDown();
            assertEquals(0, exit.get(30, TimeUnit.SECONDS));
        } finally {
            cmd.stop.countDown();
            pool.shutdownNow();
        }
    }
}
