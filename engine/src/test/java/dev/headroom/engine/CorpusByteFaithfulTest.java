package dev.headroom.engine;

import dev.headroom.engine.support.ByteFaithful;
import dev.headroom.engine.support.Corpus;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * House rule 1 on real traffic: for every corpus request, in both modes, every byte outside the replaced
 * tool-output spans (and the appended retrieve tool) is identical to the input.
 */
class CorpusByteFaithfulTest {

    @TestFactory
    List<DynamicTest> everyCorpusRequestIsSplicedByteFaithfully() {
        List<DynamicTest> tests = new ArrayList<>();
        for (Path p : Corpus.requestBodies()) {
            for (CompressionMode mode : CompressionMode.values()) {
                tests.add(DynamicTest.dynamicTest(p.getFileName() + " " + mode.label(), () -> {
                    byte[] body = Files.readAllBytes(p);
                    HeadroomEngine engine = HeadroomEngine.create(EngineSettings.defaults().withMode(mode));
                    CompressionResult r = engine.compress(body, RequestOptions.defaults());
                    ByteFaithful.check(body, r);
                    if (body.length > 0 && r.passthroughReason() == null) {
                        // compressing the output again changes nothing more: markers and memo make it a fixed point
                        CompressionResult again = engine.compress(r.body(), RequestOptions.defaults());
                        assertFalse(again.units().stream().anyMatch(u -> u.compressed() && u.lossy()
                                && !r.ccrHashes().containsAll(again.ccrHashes())));
                    }
                }));
            }
        }
        if (tests.isEmpty()) {
            tests.add(DynamicTest.dynamicTest("no corpus found", () -> assertArrayEquals(new byte[0], new byte[0])));
        }
        return tests;
    }
}
