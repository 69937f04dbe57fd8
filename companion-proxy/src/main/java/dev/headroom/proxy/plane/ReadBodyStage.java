package dev.headroom.proxy.plane;

import dev.headroom.proxy.forward.BodyDecoding;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * Reads the request body as its bytes arrive, into a buffer that grows with them (never sized by a declared
 * length), each step reserved against the in-flight {@link BodyBudget}; then decodes a gzip/deflate/zstd body for
 * the engine. A body whose framing is broken (bad chunk size, bare-LF chunk line, oversized chunk) is the client's
 * fault: 400, and nothing goes upstream.
 */
final class ReadBodyStage implements Stage {

    private static final int STEP = 64 * 1024;

    private final long maxBodyBytes;
    private final BodyBudget budget;

    ReadBodyStage(long maxBodyBytes, BodyBudget budget) {
        this.maxBodyBytes = maxBodyBytes;
        this.budget = budget;
    }

    @Override
    public void run(Flight f, Chain next) throws IOException, InterruptedException {
        f.body = read(f);
        f.send = f.body;
        f.plain = BodyDecoding.isIdentity(f.headers.get("content-encoding")) ? f.body
                : BodyDecoding.decode(f.body, f.headers.get("content-encoding"), maxBodyBytes);
        next.proceed(f);
    }

    private byte[] read(Flight f) {
        byte[] buf = new byte[0];
        int len = 0;
        // the first step fits a small declared body exactly (most are a few KB), never more than one step
        long declared = f.ctx.req().getContentLengthLong();
        int first = declared >= 0 && declared < STEP ? (int) declared + 1 : STEP;
        try {
            InputStream in = f.ctx.req().getInputStream();
            while (true) {
                if (len == buf.length) {
                    int grow = (int) Math.min(buf.length == 0 ? first : Math.max(STEP, buf.length),
                            maxBodyBytes + 1 - buf.length);
                    if (grow <= 0) {
                        throw LimitsStage.tooLarge("request body", maxBodyBytes);
                    }
                    if (!budget.reserve(grow)) {
                        throw new ClientFailure(503, "overloaded_error", "headroom: the proxy holds "
                                + budget.held() / (1024 * 1024) + " MB of request bodies already (cap "
                                + budget.cap() / (1024 * 1024) + " MB); retry shortly", null);
                    }
                    f.reserved += grow;
                    buf = Arrays.copyOf(buf, buf.length + grow);
                }
                int n = in.read(buf, len, buf.length - len);
                if (n < 0) {
                    break;
                }
                len += n;
            }
        } catch (ClientFailure e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw ClientFailure.badRequest("headroom: the request body could not be read (" + e.getMessage() + ")", e);
        }
        return len == buf.length ? buf : Arrays.copyOf(buf, len);
    }
}
