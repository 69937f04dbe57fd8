package dev.headroom.engine.transform.text;

import dev.headroom.engine.transform.Compressor;
import dev.headroom.engine.transform.TransformContext;
import dev.headroom.engine.transform.TransformResult;

/** Placeholder until the real text compressor lands: keeps the original. */
public final class TextCompressor implements Compressor {

    @Override
    public String name() {
        return "text";
    }

    @Override
    public TransformResult compress(String text, TransformContext context) {
        return null;
    }
}
