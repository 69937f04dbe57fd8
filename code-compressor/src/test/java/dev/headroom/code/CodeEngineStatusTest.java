package dev.headroom.code;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CodeEngineStatusTest {

    @Test
    void loadsEveryBundledGrammarFromTheJarsWithoutASystemInstall() {
        CodeEngineStatus status = CodeEngineStatus.probe();
        assertTrue(status.available(), status::reason);
        assertEquals(List.of("python", "javascript", "typescript", "go", "rust", "java", "c", "cpp"), status.languages());
        assertNotNull(status.compressor());
        System.out.printf("code engine load: %.1f ms%n", status.loadNanos() / 1e6);
    }
}
