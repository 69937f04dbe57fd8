package dev.headroom.engine.transform.log;

import dev.headroom.engine.transform.Compressor;
import dev.headroom.engine.transform.TransformContext;
import dev.headroom.engine.transform.TransformResult;

/** Placeholder until the real log compressor lands: keeps the original. */
public final class LogCompressor implements Compressor {

    @Override
    public String name() {
        return "log";
    }

    @Override
    public TransformResult compress(String text, TransformContext context) {
        return null;
    }
}
