package dev.headroom.engine.transform.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.headroom.engine.CompressionMode;
import dev.headroom.engine.ccr.ContentHash;
import dev.headroom.engine.support.Corpus;
import dev.headroom.engine.transform.TransformContext;
import dev.headroom.engine.transform.TransformResult;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Runs every input of the reference's SmartCrusher parity fixtures ({@code ../shared/corpus}, skipped
 * when absent) through the JSON compressor in lossless mode and in balanced mode at two budgets, and
 * checks the invariants: non-JSON passes through, output never inflates, lossless output decodes to the
 * same tree, lossy output decodes and every shortened array carries a marker with the exact count.
 * It prints our sizes next to the reference's recorded output.
 */
class SmartCrusherFixturesTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private final JsonCompressor compressor = new JsonCompressor();

    @TestFactory
    Stream<DynamicTest> everyFixtureKeepsTheInvariants() throws IOException {
        Path shared = Corpus.sharedCorpus();
        assumeTrue(shared != null, "../shared/corpus is absent");
        Path dir = shared.resolve("tests/parity/fixtures/smart_crusher");
        assumeTrue(Files.isDirectory(dir), "no smart_crusher fixtures");
        List<Path> files;
        try (Stream<Path> s = Files.list(dir)) {
            files = s.filter(p -> p.toString().endsWith(".json")).sorted().toList();
        }
        assertFalse(files.isEmpty());
        return files.stream().map(f -> DynamicTest.dynamicTest(f.getFileName().toString(), () -> check(f)));
    }

    private void check(Path file) throws IOException {
        JsonNode fixture = MAPPER.readTree(file.toFile());
        String content = fixture.path("input").path("content").asText();
        String query = fixture.path("input").path("query").isTextual() ? fixture.path("input").path("query").asText() : "";
        String reference = fixture.path("output").path("compressed").asText(content);
        String hash = ContentHash.of(content);
        Object tree = JsonTreeParser.parseContainer(content);

        TransformContext lossless = new TransformContext(CompressionMode.LOSSLESS, true, query, hash, "", 6000);
        TransformResult l = compressor.compress(content, lossless);
        if (tree == null) {
            assertNull(l, "non-JSON passes through");
            assertNull(compressor.compress(content, lossless.withLossless(false)));
            System.out.printf("smart_crusher %-45s passthrough (not a JSON container)%n", file.getFileName());
            return;
        }
        int losslessChars = content.length();
        if (l != null) {
            assertFalse(l.lossy());
            assertTrue(l.text().length() < content.length(), "no inflation");
            assertEquals(tree, JsonTableDecoder.decode(l.text()), "lossless round trip");
            losslessChars = l.text().length();
        }
        int[] sizes = new int[2];
        int[] budgets = {6000, 200};
        for (int i = 0; i < budgets.length; i++) {
            TransformContext balanced = new TransformContext(CompressionMode.BALANCED, false, query, hash, "", budgets[i]);
            TransformResult b = compressor.compress(content, balanced);
            sizes[i] = b == null ? content.length() : b.text().length();
            if (b == null) {
                continue;
            }
            assertTrue(b.text().length() < content.length(), "no inflation");
            long omitted = LossyInvariants.check(tree, b.text(), hash);
            assertEquals(b.lossy(), b.text().contains("[headroom: "), "lossy exactly when a marker was written");
            if (!b.lossy()) {
                assertEquals(0, omitted);
                assertEquals(tree, JsonTableDecoder.decode(b.text()));
            }
            assertEquals(b, compressor.compress(content, balanced), "deterministic");
        }
        System.out.printf("smart_crusher %-45s input=%5d lossless=%5d balanced@6000=%5d balanced@200=%5d reference=%5d%n",
                file.getFileName(), content.length(), losslessChars, sizes[0], sizes[1], reference.length());
    }
}
