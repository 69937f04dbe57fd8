package dev.headroom.engine.transform.diff;

import dev.headroom.engine.transform.Compressor;
import dev.headroom.engine.transform.TransformContext;
import dev.headroom.engine.transform.TransformResult;

/** Placeholder until the real diff compressor lands: keeps the original. */
public final class DiffCompressor implements Compressor {

    @Override
    public String name() {
        return "diff";
    }

    @Override
    public TransformResult compress(String text, TransformContext context) {
        return null;
    }
}
