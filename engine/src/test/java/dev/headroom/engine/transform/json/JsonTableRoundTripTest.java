package dev.headroom.engine.transform.json;

import dev.headroom.engine.CompressionMode;
import dev.headroom.engine.transform.TransformContext;
import dev.headroom.engine.transform.TransformResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Lossless mode loses no fact: the table text decodes back to the very same tree. */
class JsonTableRoundTripTest {

    private static final TransformContext LOSSLESS =
            new TransformContext(CompressionMode.LOSSLESS, true, "", "0123456789abcdef01234567", "", 4000);

    @ParameterizedTest
    @ValueSource(strings = {
        "[{\"a\":1,\"b\":\"x\"},{\"a\":2,\"b\":\"y\"},{\"a\":3,\"b\":\"z\"}]",
        "[{\"a\":null,\"b\":\"\"},{\"b\":\"null\"},{\"a\":\"true\",\"b\":false},{\"a\":true}]",
        "[{\"s\":\"a,b\"},{\"s\":\"he said \\\"hi\\\"\"},{\"s\":\"line1\\nline2\"},{\"s\":\"tab\\there\"},{\"s\":\" lead\"},{\"s\":\"trail \"}]",
        "[{\"s\":\"42\"},{\"s\":\"-0\"},{\"s\":\"1e5\"},{\"s\":\"1.0\"},{\"s\":\"0012\"},{\"s\":\"1.0.3\"}]",
        "[{\"n\":1.0},{\"n\":1e5},{\"n\":-0},{\"n\":123456789012345678901234567890},{\"n\":1E-7},{\"n\":-0.0}]",
        "[{\"u\":\"café ü 日本語 😀\"},{\"u\":\"\\u0000\\u001f\"},{\"u\":\"\\u2028\"},{\"u\":\"back\\\\slash\"}]",
        "[{\"o\":{\"x\":[1,2,{\"y\":\"z\"}]}},{\"o\":[]},{\"o\":{}},{\"o\":\"{not json\"},{\"o\":\"[1]{a}:\"}]",
        "{\"users\":[{\"id\":1,\"tags\":[{\"k\":\"a\"},{\"k\":\"b\"},{\"k\":\"c\"}]},{\"id\":2,\"tags\":[]},{\"id\":3}],\"total\":3}",
        "[{\"a\":1,\"c\":3},{\"a\":1,\"b\":2,\"c\":3},{\"b\":2},{\"c\":3}]",
        "[{\"a\":1,\"b\":2},{\"b\":2,\"a\":1},{\"a\":1}]",
        "[{\"a\":1,\"a\":2},{\"a\":3},{\"a\":4}]",
        "[{\"k,ey\":1,\"k}ey\":2,\"\":3,\"k:ey\":4,\"\\\"q\":5},{\"k,ey\":1},{\"\":3}]",
        "[{},{},{}]",
        "[[1,2],[3],[]]",
        "[{\"a\":\"[headroom: 3 rows omitted; headroom_retrieve hash=0123456789abcdef01234567]\"},{\"a\":1},{\"a\":2}]",
        "{\"deep\":{\"deeper\":[{\"t\":[{\"x\":1},{\"x\":2},{\"x\":3}]},{\"t\":[{\"x\":4},{\"x\":5},{\"x\":6}]},{\"t\":null}]}}",
        "[1,\"two\",null,true,{\"x\":1},[{\"a\":1},{\"a\":2},{\"a\":3}]]",
        "{\"a\":{\"v\":1},\"b,c\":{\"v\":2},\"\":{\"v\":3},\"1\":{\"w\":4},\"null\":{}}",
        "{\"pkgs\":{\"node_modules/a\":{\"version\":\"1.0.0\",\"dev\":true},\"node_modules/b\":{\"version\":\"2.0.0\"},\"x\":{\"version\":\"3\",\"deps\":{\"q\":{\"r\":1},\"s\":{\"r\":2},\"t\":{\"r\":3}}}}}",
        "[{\"m\":{\"k1\":{\"a\":1},\"k2\":{\"a\":2},\"k3\":{\"a\":3}}},{\"m\":{}},{\"m\":{\"{x\":{\"a\":1},\"[y\":{\"a\":1},\" z\":{\"a\":1}}}]",
        "{\"dup\":{\"a\":1},\"dup\":{\"a\":2},\"other\":{\"a\":3}}",
        "[{\"s\":\"lone \\ud800 high\"},{\"s\":\"\\udc00\"},{\"s\":\"pair \\ud83d\\ude00\"},{\"s\":\"\\u007f\"}]",
    })
    void decodesBackToTheSameTree(String json) throws Exception {
        assertRoundTrip(json);
    }

    @Test
    void randomShapesRoundTrip() throws Exception {
        Random random = new Random(20261126);
        for (int i = 0; i < 200; i++) {
            Object tree = randomArrayOfObjects(random, 0);
            assertRoundTrip(JsonText.compact(tree));
        }
    }

    @Test
    void lossyModeNeverRunsWhenTheContextIsLossless() {
        StringBuilder sb = new StringBuilder("[");
        for (int i = 0; i < 500; i++) {
            sb.append(i > 0 ? "," : "").append("{\"id\":").append(i).append(",\"status\":\"error\"}");
        }
        String json = sb.append(']').toString();
        TransformResult r = new JsonCompressor().compress(json, LOSSLESS.withLossless(true));
        assertNotNull(r);
        assertTrue(!r.lossy() && !r.text().contains("[headroom:"), r.text());
    }

    private static void assertRoundTrip(String json) throws Exception {
        Object tree = JsonTreeParser.parse(json);
        String encoded = TableEncoder.lossless(tree, 64, false).text();
        Object decoded = JsonTableDecoder.decode(encoded);
        assertEquals(tree, decoded, () -> "input " + json + "\nencoded:\n" + encoded);
        assertEquals(JsonText.compact(tree), JsonText.compact(decoded));
        // The text travels as UTF-8 inside the request body: it must survive that too.
        String wire = new String(encoded.getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8);
        assertEquals(tree, JsonTableDecoder.decode(wire), "UTF-8 round trip");
        TransformResult r = new JsonCompressor().compress(json, LOSSLESS);
        if (r != null) {
            assertEquals(tree, JsonTableDecoder.decode(r.text()));
        }
    }

    private static Object randomArrayOfObjects(Random random, int depth) {
        int rows = 3 + random.nextInt(6);
        String[] keys = {"id", "name", "a,b", "", "x y", "k\"q", "nested", "n"};
        List<Object> out = new ArrayList<>();
        for (int r = 0; r < rows; r++) {
            JsonObject o = new JsonObject();
            for (String k : keys) {
                if (random.nextInt(4) == 0) {
                    continue; // missing key
                }
                o.add(k, randomValue(random, depth));
            }
            out.add(o);
        }
        return out;
    }

    private static Object randomValue(Random random, int depth) {
        String[] strings = {"", " ", "plain", "a,b", "\"q\"", "x\ny", "null", "true", "12", "-3.5e2", "1.0.3",
            "{x", "[1]{a}:", "ümlaut 😀", "tab\t", "\\", "[headroom: 1 rows omitted; headroom_retrieve hash=ab]",
            "\u0001", "trailing ", ",", "\r"};
        String[] numbers = {"0", "-0", "1.0", "1e5", "1E+5", "-2.50", "123456789012345678901234567890", "3"};
        switch (random.nextInt(depth >= 1 ? 5 : 8)) {
            case 0: return strings[random.nextInt(strings.length)];
            case 1: return new JsonNumber(numbers[random.nextInt(numbers.length)]);
            case 2: return random.nextBoolean();
            case 3: return JsonNull.NULL;
            case 4: return strings[random.nextInt(strings.length)] + random.nextInt(100);
            case 5: return randomArrayOfObjects(random, depth + 1);
            case 6: {
                // A map of records (becomes a map table), keys drawn from the awkward strings.
                JsonObject map = new JsonObject();
                for (Object row : (List<?>) randomArrayOfObjects(random, depth + 1)) {
                    map.add(strings[random.nextInt(strings.length)] + map.size(), row);
                }
                return map;
            }
            default: {
                JsonObject o = new JsonObject();
                o.add("k", randomValue(random, depth + 1));
                o.add("list", List.of(randomValue(random, depth + 1), randomValue(random, depth + 1)));
                return o;
            }
        }
    }
}
