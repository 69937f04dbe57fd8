package dev.headroom.cli.daily;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import dev.headroom.cli.support.Cli;
import dev.headroom.cli.support.HeadlessChromium;
import dev.headroom.cli.support.UserShell;
import dev.headroom.engine.store.HeadroomDatabase;
import dev.headroom.engine.store.HeadroomHome;
import dev.headroom.engine.store.SavingsLedger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The dashboard in a real headless Chromium against the real proxy: it shows what /stats reports and updates
 * after a request. The screenshot is kept at cli/target/dashboard/dashboard.png.
 */
class DashboardBrowserIT {

    static final String REPLY = "{\"id\":\"msg_1\",\"type\":\"message\",\"role\":\"assistant\",\"model\":\"claude-sonnet-4-5\","
            + "\"content\":[{\"type\":\"text\",\"text\":\"ok\"}],\"stop_reason\":\"end_turn\",\"usage\":{\"input_tokens\":10,\"output_tokens\":2}}";

    @TempDir
    Path tmp;

    @Test
    void showsTheStatsNumbersAndUpdatesAfterARequest() throws Exception {
        Path chromium = HeadlessChromium.find();
        assumeTrue(chromium != null, "no chromium installed (.ci/setup installs the Debian package)");
        UserShell shell = new UserShell(tmp);
        assumeTrue(shell.run("proxy", "--help").exit() == 0, "this build has no `headroom proxy` command");
        record(shell, 8000, 3000);

        HttpServer upstream = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        upstream.createContext("/", ex -> {
            ex.getRequestBody().readAllBytes();
            byte[] b = REPLY.getBytes(StandardCharsets.UTF_8);
            ex.getResponseHeaders().add("Content-Type", "application/json");
            ex.sendResponseHeaders(200, b.length);
            try (OutputStream o = ex.getResponseBody()) {
                o.write(b);
            }
        });
        upstream.start();
        int port = DoctorIT.freePort();
        ProcessBuilder pb = new ProcessBuilder(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", Cli.jar().toString(), "proxy", "--port", Integer.toString(port),
                "--anthropic-api-url", "http://127.0.0.1:" + upstream.getAddress().getPort()))
                .redirectErrorStream(true).redirectOutput(tmp.resolve("proxy.log").toFile());
        pb.environment().clear();
        pb.environment().putAll(shell.env());
        Process proxy = pb.start();
        try {
            long deadline = System.currentTimeMillis() + 60_000;
            while (!RealProxyIT.answers(port) && System.currentTimeMillis() < deadline && proxy.isAlive()) {
                Thread.sleep(200);
            }
            assumeTrue(RealProxyIT.answers(port), "the proxy did not start: " + Files.readString(tmp.resolve("proxy.log")));
            HttpClient http = HttpClient.newHttpClient();
            JsonNode stats = stats(http, port);
            long saved = stats.path("persistent_savings").path("lifetime").path("tokens_saved").asLong();
            assertEquals(5000, saved, stats.toPrettyString());

            Files.createDirectories(tmp.resolve("profile"));
            try (HeadlessChromium browser = HeadlessChromium.start(chromium, tmp.resolve("profile"))) {
                browser.navigate("http://127.0.0.1:" + port + "/dashboard");
                assertEquals("5000", browser.waitFor("document.body.dataset.lifetimeSaved || ''", "5000", 15_000));
                assertEquals("5,000", browser.eval("document.getElementById('lifetime-saved').textContent"));
                assertEquals("$0.0150", browser.eval("document.getElementById('lifetime-dollars').textContent"),
                        "5,000 tokens of claude-sonnet-4-5 at $3/M (the page prices them when /stats has no dollars)");
                assertEquals(Long.toString(stats.path("requests").path("total").asLong()),
                        browser.eval("document.body.dataset.requests"));
                assertTrue(browser.eval("document.getElementById('status').textContent").startsWith("live"));
                assertEquals("0", browser.eval("String(document.querySelectorAll('script[src], link[href]').length)"),
                        "the page loads nothing from elsewhere");

                // One request through the proxy, and the savings it recorded: the page must follow.
                HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/v1/messages"))
                        .header("content-type", "application/json").header("x-api-key", "sk-ant-test")
                        .header("anthropic-version", "2023-06-01")
                        .POST(HttpRequest.BodyPublishers.ofString("{\"model\":\"claude-sonnet-4-5\",\"max_tokens\":10,"
                                + "\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}")).build(), HttpResponse.BodyHandlers.ofString());
                assertEquals(200, r.statusCode(), r.body());
                record(shell, 4000, 1000);
                JsonNode after = stats(http, port);
                String total = Long.toString(after.path("requests").path("total").asLong());
                assertEquals("8000", browser.waitFor("document.body.dataset.lifetimeSaved", "8000", 15_000));
                assertEquals(total, browser.waitFor("document.body.dataset.requests", total, 15_000));
                assertTrue(Long.parseLong(total) >= 1);
                assertTrue(browser.eval("document.querySelector('#by-model tbody').textContent").contains("claude-sonnet-4-5"));
                assertTrue(browser.eval("document.querySelector('#by-client tbody').textContent").contains("$0.0240"),
                        browser.eval("document.querySelector('#by-client tbody').textContent"));
                browser.screenshot(Path.of("target", "dashboard", "dashboard.png"));
            }
        } finally {
            proxy.destroy();
            if (!proxy.waitFor(10, TimeUnit.SECONDS)) {
                proxy.destroyForcibly();
            }
            upstream.stop(0);
        }
    }

    private static JsonNode stats(HttpClient http, int port) throws Exception {
        return new ObjectMapper().readTree(http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/stats")).build(),
                HttpResponse.BodyHandlers.ofString()).body());
    }

    private static void record(UserShell shell, long before, long after) throws Exception {
        try (HeadroomDatabase db = HeadroomDatabase.open(HeadroomHome.of(shell.headroomHome()))) {
            new SavingsLedger(db).record(new SavingsLedger.Event(System.currentTimeMillis(), "proxy", "", "anthropic",
                    "claude-sonnet-4-5", before, after, "estimate", "r" + before));
        }
    }
}
