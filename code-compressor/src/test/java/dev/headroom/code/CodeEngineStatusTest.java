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

    @Test
    void theLazyCompressorWorksWithoutAnExplicitProbe() throws Exception {
        var compressor = CodeEngineStatus.lazyCompressor();
        assertNotNull(compressor);
        String text = CodeCompressorTest.sample("ringbuf.c");
        var result = compressor.compress(text, dev.headroom.engine.transform.TransformContext.of(
                dev.headroom.engine.ccr.ContentHash.of(text)));
        assertEquals("code.ast.c", result.transform());
    }
}
