package dev.headroom.proxy;

import dev.headroom.proxy.support.Bodies;
import dev.headroom.proxy.support.FixedReplies;
import dev.headroom.testsupport.FakeLlmUpstream;
import dev.headroom.testsupport.RecordedRequest;
import dev.headroom.proxy.support.ProxyHarness;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * 1,000 generated bad bodies (truncated, bytes flipped, spliced, non-JSON) on every compressing route: the proxy
 * never invents a status, never fails, and forwards what the engine cannot read byte for byte.
 */
class MalformedBodiesTest {

    @TempDir
    Path home;

    @Test
    void generatedBadBodiesAreForwardedAndAnsweredByTheUpstream() throws Exception {
        byte[][] seeds = {
                Bodies.anthropicWithToolResult("m", false).getBytes(StandardCharsets.UTF_8),
                ("{\"model\":\"gpt-4o\",\"messages\":[{\"role\":\"tool\",\"tool_call_id\":\"c\",\"content\":\""
                        + Bodies.esc(Bodies.bigToolOutput()) + "\"}]}").getBytes(StandardCharsets.UTF_8),
                ("{\"model\":\"gpt-5\",\"input\":[{\"type\":\"function_call_output\",\"call_id\":\"c\",\"output\":\""
                        + Bodies.esc(Bodies.bigToolOutput()) + "\"}]}").getBytes(StandardCharsets.UTF_8)};
        String[] paths = {"/v1/messages", "/v1/chat/completions", "/v1/responses"};
        Random rnd = new Random(42);
        try (ProxyHarness h = new ProxyHarness(home, c -> c)) {
            h.upstream.respond((req, ex) -> FakeLlmUpstream.send(ex, 418, "application/json",
                    ("{\"seen\":" + req.body().length + "}").getBytes(StandardCharsets.UTF_8)));
            int unchanged = 0;
            for (int i = 0; i < 1000; i++) {
                int k = i % 3;
                byte[] body = mutate(seeds[k], rnd, i);
                HttpResponse<String> r = h.client.send(HttpRequest.newBuilder(java.net.URI.create(h.url(paths[k])))
                        .header("x-api-key", "k").POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(),
                        HttpResponse.BodyHandlers.ofString());
                assertEquals(418, r.statusCode(), "case " + i + ": the upstream's status, never one the proxy made up");
                byte[] seen = h.upstream.last().body();
                assertEquals("{\"seen\":" + seen.length + "}", r.body());
                if (Arrays.equals(seen, body)) {
                    unchanged++;
                } else {
                    String s = new String(seen, StandardCharsets.UTF_8);
                    assertTrue(s.contains("[headroom:"), "case " + i + ": a changed body is a compressed one");
                }
            }
            assertTrue(unchanged > 500, "most broken bodies pass through untouched: " + unchanged);
            assertEquals(200, h.get("/livez").statusCode());
        }
    }

    static byte[] mutate(byte[] seed, Random rnd, int i) {
        byte[] b = seed.clone();
        switch (i % 5) {
            case 0 -> b = Arrays.copyOf(b, rnd.nextInt(b.length));                       // truncated
            case 1 -> {                                                                   // bytes flipped
                for (int j = 0; j < 1 + rnd.nextInt(8); j++) {
                    b[rnd.nextInt(b.length)] = (byte) rnd.nextInt(256);
                }
            }
            case 2 -> {                                                                   // structural chars swapped
                byte[] structural = "{}[]\":,\\".getBytes(StandardCharsets.US_ASCII);
                for (int j = 0; j < 1 + rnd.nextInt(4); j++) {
                    b[rnd.nextInt(b.length)] = structural[rnd.nextInt(structural.length)];
                }
            }
            case 3 -> {                                                                   // a slice spliced in twice
                int from = rnd.nextInt(b.length);
                int to = Math.min(b.length, from + rnd.nextInt(200));
                byte[] out = new byte[b.length + (to - from)];
                System.arraycopy(b, 0, out, 0, to);
                System.arraycopy(b, from, out, to, b.length - from);
                b = out;
            }
            default -> {                                                                  // not JSON at all
                b = new byte[rnd.nextInt(2000)];
                rnd.nextBytes(b);
            }
        }
        return b;
    }
}
