package dev.headroom.engine.transform.json;

import dev.headroom.engine.transform.Compressor;
import dev.headroom.engine.transform.TransformContext;
import dev.headroom.engine.transform.TransformResult;

/** Placeholder until the real json compressor lands: keeps the original. */
public final class JsonCompressor implements Compressor {

    @Override
    public String name() {
        return "json";
    }

    @Override
    public TransformResult compress(String text, TransformContext context) {
        return null;
    }
}
