package dev.headroom.eval;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** split.json decides tuning and held-out; sessions in neither list, and all examples, are "other". */
class CorpusSplitTest {

    @TempDir
    Path root;

    @Test
    void splitJsonIsRead() throws Exception {
        HandmadeCorpus.write(root, true);
        CorpusSplit split = CorpusSplit.load(root);
        assertEquals(CorpusSplit.Part.TUNING, split.partOf("claude-k8s"));
        assertEquals(CorpusSplit.Part.HELD_OUT, split.partOf("codex-k8s"));
        assertEquals(CorpusSplit.Part.OTHER, split.partOf("example:claude-code-tool-loop.json"));
        assertEquals(42L, split.seed());
        assertEquals("held-out", CorpusSplit.Part.HELD_OUT.label());
    }

    @Test
    void withoutSplitJsonEveryRecordedSessionIsTuning() throws Exception {
        HandmadeCorpus.write(root, false);
        CorpusSplit split = CorpusSplit.load(root);
        assertEquals(CorpusSplit.Part.TUNING, split.partOf("claude-k8s"));
        assertEquals(CorpusSplit.Part.TUNING, split.partOf("codex-k8s"));
        assertEquals(CorpusSplit.Part.OTHER, split.partOf("shared:anthropic_replay_body.json"));
        assertTrue(split.describe().startsWith("no split.json"));
    }

    @Test
    void aSessionListedInBothIsHeldOut() throws Exception {
        HandmadeCorpus.write(root, false);
        Files.writeString(root.resolve("corpus/recorded/split.json"),
                "{\"seed\":1,\"tuning\":[\"claude-k8s\"],\"heldOut\":[\"claude-k8s\"]}");
        assertEquals(CorpusSplit.Part.HELD_OUT, CorpusSplit.load(root).partOf("claude-k8s"));
        assertEquals(CorpusSplit.Part.OTHER, CorpusSplit.load(root).partOf("codex-k8s"));
    }
}
