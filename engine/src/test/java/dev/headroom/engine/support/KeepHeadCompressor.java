package dev.headroom.engine.support;

import dev.headroom.engine.transform.Compressor;
import dev.headroom.engine.transform.TransformContext;
import dev.headroom.engine.transform.TransformResult;

/**
 * A test compressor with known behaviour: lossy keeps the first three lines plus a marker; lossless
 * squeezes runs of spaces (a re-encoding that loses nothing for the test data).
 */
public final class KeepHeadCompressor implements Compressor {

    @Override
    public String name() {
        return "test.head";
    }

    @Override
    public TransformResult compress(String text, TransformContext ctx) {
        if (ctx.lossless()) {
            String squeezed = text.replaceAll(" {2,}", " ");
            return squeezed.equals(text) ? null : TransformResult.lossless(squeezed, "test.squeeze");
        }
        String[] lines = text.split("\n", -1);
        if (lines.length <= 4) {
            return null;
        }
        String head = String.join("\n", lines[0], lines[1], lines[2]);
        return TransformResult.lossy(head + "\n" + ctx.marker(lines.length - 3, "lines"), "test.head");
    }
}
