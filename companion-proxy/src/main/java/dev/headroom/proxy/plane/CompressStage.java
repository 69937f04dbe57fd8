package dev.headroom.proxy.plane;

import dev.headroom.proxy.compress.CompressionStage;
import dev.headroom.proxy.forward.BodyDecoding;
import dev.headroom.proxy.forward.StreamFlag;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * Compression of model calls: runs the engine under the proxy's rules ({@link CompressionStage}) on the decoded
 * body, and decides what goes upstream. A body the engine left alone is sent as the client sent it, byte for byte.
 */
final class CompressStage implements Stage {

    private final CompressionStage stage;
    private final boolean logMessages;

    CompressStage(CompressionStage stage, boolean logMessages) {
        this.stage = stage;
        this.logMessages = logMessages;
    }

    @Override
    public void run(Flight f, Chain next) throws IOException, InterruptedException {
        f.x.stream(f.body.length > 0 && StreamFlag.isSet(f.plain != null ? f.plain : f.body));
        if (f.format != null) {
            String skip = stage.skipReason(f.headers);
            if (skip != null) {
                f.x.skipped(skip);
            } else if (f.plain == null) {
                f.x.skipped("undecodable content-encoding " + f.headers.get("content-encoding"));
            } else {
                f.outcome = stage.apply(f.plain, f.format, f.headers, f.x);
                if (f.outcome.modified()) {
                    f.send = f.outcome.body();
                    f.dropEncoding = !BodyDecoding.isIdentity(f.headers.get("content-encoding"));
                }
            }
            if (logMessages) {
                f.x.bodies(new String(f.plain != null ? f.plain : f.body, StandardCharsets.UTF_8),
                        f.outcome != null && f.outcome.modified() ? new String(f.send, StandardCharsets.UTF_8) : null);
            }
        }
        next.proceed(f);
    }
}
