package dev.headroom.proxy.retrieve;

import dev.headroom.engine.ccr.RetrievalStore;
import dev.headroom.proxy.compress.CompressionStage;
import dev.headroom.proxy.forward.Exchange;
import dev.headroom.proxy.forward.Forwarder;
import io.javalin.http.Context;

/** Placeholder until the transparent retrieve loop lands: requests go through the plain relay. */
public final class RetrieveLoop implements Forwarder.RetrieveInterceptor {

    private final RetrievalStore store;
    private final int maxRounds;

    public RetrieveLoop(RetrievalStore store, int maxRounds) {
        this.store = store;
        this.maxRounds = maxRounds;
    }

    @Override
    public boolean handle(Context ctx, Exchange x, Forwarder.UpstreamCall call, CompressionStage.Outcome outcome) {
        return store == null || maxRounds < 0;
    }
}
