package dev.headroom.code;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.headroom.code.lang.CodeLanguage;
import dev.headroom.code.lang.LanguageGuesser;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** The guesser agrees with the reference's content detector on its recorded source-code fixtures. */
class LanguageGuesserParityTest {

    private static final Path FIXTURES = Path.of("..", "..", "shared", "corpus", "headroom-public", "tests", "parity",
            "fixtures", "content_detector");

    @Test
    void guessesTheLanguageTheReferenceRecorded() throws IOException {
        assumeTrue(Files.isDirectory(FIXTURES), "shared corpus not present at " + FIXTURES);
        ObjectMapper json = new ObjectMapper();
        int checked = 0;
        try (Stream<Path> files = Files.list(FIXTURES)) {
            for (Path f : files.sorted().toList()) {
                JsonNode fixture = json.readTree(f.toFile());
                JsonNode output = fixture.path("output");
                if (!output.path("content_type").asText().equals("source_code")) {
                    continue;
                }
                String expected = output.path("metadata").path("language").asText();
                List<CodeLanguage> ranked = LanguageGuesser.rank(fixture.path("input").asText());
                assertTrue(!ranked.isEmpty(), f + ": no guess");
                assertEquals(expected, ranked.get(0).grammar().toLowerCase(Locale.ROOT), f.getFileName().toString());
                checked++;
            }
        }
        assertTrue(checked >= 5, "checked " + checked + " fixtures");
    }
}
