package dev.headroom.engine.transform.text;

import dev.headroom.engine.CompressionMode;
import dev.headroom.engine.ccr.ContentHash;
import dev.headroom.engine.transform.TransformContext;
import dev.headroom.engine.transform.TransformResult;
import org.junit.jupiter.api.Test;

import java.util.Base64;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TextCompressorTest {

    private final TextCompressor compressor = new TextCompressor();

    private static String blob(int bytes) {
        byte[] b = new byte[bytes];
        new Random(1).nextBytes(b);
        return Base64.getEncoder().encodeToString(b);
    }

    @Test
    void cleanTextIsLeftAlone() {
        String t = "Plain prose.\n\nWith two paragraphs.\n";
        assertNull(compressor.compress(t, TransformContext.of(ContentHash.of(t))));
    }

    @Test
    void losslessPassNormalizesAndFolds() {
        String t = "header   \r\n" + "same line again and again\n".repeat(5) + "\n\n\n\nend";
        TransformResult r = compressor.compress(t, TransformContext.of(ContentHash.of(t)));
        assertFalse(r.lossy());
        assertEquals("header\nsame line again and again [x5]\n\nend", r.text());
    }

    @Test
    void blobsBecomeMarkersOnlyWhenLossyAndOverBudget() {
        String b64 = blob(3000);
        String t = "Attachment follows:\ndata:image/png;base64," + b64 + "\nEnd of attachment.\n";
        String hash = ContentHash.of(t);
        TransformContext balanced = new TransformContext(CompressionMode.BALANCED, false, "", hash, "", 1000);
        TransformResult r = compressor.compress(t, balanced);
        assertTrue(r.lossy());
        assertEquals("Attachment follows:\ndata:image/png;base64,[headroom: " + b64.length()
                + " base64 chars omitted; headroom_retrieve hash=" + hash + "]\nEnd of attachment.\n", r.text());
        assertNull(compressor.compress(t, balanced.withLossless(true)));
        assertNull(compressor.compress(t, new TransformContext(CompressionMode.BALANCED, false, "", hash, "", 100_000)));
    }

    @Test
    void hexDigestsAreBlobsButLongWordsAndPathsAreNot() {
        String hex = "ab12".repeat(100);
        String hash = ContentHash.of(hex);
        TransformContext ctx = new TransformContext(CompressionMode.BALANCED, false, "", hash, "", 10);
        assertTrue(OpaqueBlobs.replace("sha: " + hex, ctx).contains("400 hex chars omitted"));
        String word = "a".repeat(400);
        assertEquals(word, OpaqueBlobs.replace(word, ctx));
        String path = "/usr/lib/jvm/some/very/long/path".repeat(12);
        assertEquals(path, OpaqueBlobs.replace(path, ctx));
    }
}
