package dev.headroom.proxy.plane;

import java.io.IOException;

/**
 * Limits known before the body is read: a declared length over the cap is refused (413) at once. Nothing is
 * reserved for a declared length; {@link ReadBodyStage} reserves bytes as they arrive.
 */
final class LimitsStage implements Stage {

    private final long maxBodyBytes;

    LimitsStage(long maxBodyBytes) {
        this.maxBodyBytes = maxBodyBytes;
    }

    @Override
    public void run(Flight f, Chain next) throws IOException, InterruptedException {
        long declared = f.ctx.req().getContentLengthLong();
        if (declared > maxBodyBytes) {
            throw tooLarge("request body of " + declared + " bytes", maxBodyBytes);
        }
        next.proceed(f);
    }

    static ClientFailure tooLarge(String what, long max) {
        return new ClientFailure(413, "request_too_large", "headroom: " + what + " exceeds the proxy's cap of " + max
                + " bytes (raise it with --max-body-mb)", null);
    }
}
