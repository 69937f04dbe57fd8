package dev.headroom.code;

import dev.headroom.code.lang.CodeLanguage;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Prints the compressor's figures on the bundled samples and on this project's own Java sources (no
 * timing assertions; the numbers go into the report). Asserts only what must hold: every planned output
 * re-parses, and real files do get smaller.
 */
class CodeCompressionBenchTest {

    @Test
    void measuresSavingsReparseShareAndSpeed() throws IOException, URISyntaxException {
        List<CodeCompressionBench.Source> sources = new ArrayList<>();
        sources.addAll(CodeCompressionBench.scan(Path.of(getClass().getResource("/samples").toURI()), 50));
        for (String module : List.of("engine", "cli", "code-compressor")) {
            Path dir = Path.of("..", module, "src", "main", "java");
            if (Files.isDirectory(dir)) {
                sources.addAll(CodeCompressionBench.scan(dir, 20)); // bounded: the test must stay quick as the project grows
            }
        }
        Map<CodeLanguage, CodeCompressionBench.Row> rows = CodeCompressionBench.measure(sources);
        System.out.print(CodeCompressionBench.table(rows));
        rows.forEach((language, row) -> {
            assertEquals(row.planned, row.reparsed, language + ": every planned output re-parses");
            assertTrue(row.savings() > 0.2, language + " saves " + row.savings());
        });
    }
}
