package dev.headroom.engine;

import dev.headroom.engine.support.ByteFaithful;
import dev.headroom.engine.support.Corpus;
import dev.headroom.engine.support.Requests;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

/**
 * Fail-open under abuse: thousands of mutated requests (truncated, bytes flipped, spliced, deeply nested,
 * odd types where blocks are expected). The engine must never throw, and every output is either the
 * input itself or a byte-faithful splice of it.
 */
class MalformedInputTest {

    private static List<byte[]> seeds() throws Exception {
        List<byte[]> seeds = new ArrayList<>();
        String big = Requests.lines("row", 120);
        seeds.add(Requests.bytes(Requests.anthropic("q", big, big + "x")));
        seeds.add(Requests.bytes(Requests.chat("q", big)));
        seeds.add(Requests.bytes(Requests.responses("q", big)));
        for (Path p : Corpus.requestBodies()) {
            seeds.add(Files.readAllBytes(p));
        }
        return seeds;
    }

    @Test
    void mutatedRequestsNeverThrowAndStayByteFaithful() throws Exception {
        Random random = new Random(20261126);
        HeadroomEngine engine = HeadroomEngine.create(EngineSettings.defaults());
        List<byte[]> seeds = seeds();
        int cases = 0;
        for (int i = 0; i < 3000; i++) {
            byte[] seed = seeds.get(random.nextInt(seeds.size()));
            byte[] body = mutate(seed, random);
            CompressionResult r = engine.compress(body, RequestOptions.defaults());
            assertNotNull(r);
            if (r.passthroughReason() != null) {
                assertArrayEquals(body, r.body());
            } else {
                ByteFaithful.check(body, r);
            }
            cases++;
        }
        System.out.println("mutated requests checked: " + cases);
    }

    @Test
    void oddShapesWhereBlocksAreExpectedPassThrough() {
        HeadroomEngine engine = HeadroomEngine.create(EngineSettings.defaults());
        String[] bodies = {
            "{\"messages\":null}", "{\"messages\":{}}", "{\"messages\":[1,2,\"x\",null,[]]}",
            "{\"messages\":[{\"role\":\"user\",\"content\":[{\"type\":\"tool_result\",\"content\":42}]}]}",
            "{\"messages\":[{\"role\":\"user\",\"content\":[{\"type\":\"tool_result\",\"content\":[1,{\"type\":\"text\",\"text\":5}]}]}]}",
            "{\"input\":[{\"type\":\"function_call_output\",\"output\":{\"weird\":true}}]}",
            "{\"input\":[{\"type\":5}]}", "{\"messages\":[],\"tools\":{}}", "{\"messages\":[],\"tools\":\"x\"}",
            "{\"messages\":[" + "[".repeat(3000) + "]".repeat(3000) + "]}",
            "\uFEFF{\"messages\":[]}", "{\"messages\":[]}   \n", "{\"a\":\"\\ud800\"}",
        };
        for (String s : bodies) {
            byte[] body = s.getBytes(StandardCharsets.UTF_8);
            CompressionResult r = engine.compress(body, RequestOptions.defaults().withForceRetrieveTool(true));
            if (r.modified()) {
                ByteFaithful.check(body, r);
            } else {
                assertArrayEquals(body, r.body(), s);
            }
        }
    }

    private static byte[] mutate(byte[] seed, Random random) {
        byte[] b = seed.clone();
        switch (random.nextInt(5)) {
            case 0: // truncate
                return java.util.Arrays.copyOf(b, random.nextInt(Math.max(1, b.length)));
            case 1: // flip bytes
                for (int k = 0; k < 1 + random.nextInt(4); k++) {
                    b[random.nextInt(b.length)] = (byte) "{}[]\",:\\ ax0\n".charAt(random.nextInt(13));
                }
                return b;
            case 2: { // duplicate a slice
                int from = random.nextInt(b.length);
                int len = random.nextInt(Math.min(200, b.length - from) + 1);
                byte[] out = new byte[b.length + len];
                System.arraycopy(b, 0, out, 0, from + len);
                System.arraycopy(b, from, out, from + len, b.length - from);
                return out;
            }
            case 3: // random high bytes (invalid UTF-8)
                for (int k = 0; k < 3; k++) {
                    b[random.nextInt(b.length)] = (byte) (0x80 + random.nextInt(0x80));
                }
                return b;
            default:
                return b;
        }
    }
}
