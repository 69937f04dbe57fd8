package dev.headroom.engine.transform.search;

import dev.headroom.engine.transform.Compressor;
import dev.headroom.engine.transform.TransformContext;
import dev.headroom.engine.transform.TransformResult;

/** Placeholder until the real search compressor lands: keeps the original. */
public final class SearchCompressor implements Compressor {

    @Override
    public String name() {
        return "search";
    }

    @Override
    public TransformResult compress(String text, TransformContext context) {
        return null;
    }
}
