package dev.headroom.proxy.plane;

import java.io.IOException;

/**
 * One step of the data plane with one job (OkHttp's interceptor is the model): it does its part of {@code flight},
 * then hands it on with {@code next.proceed(flight)}, or answers the client itself and stops the chain. A stage
 * that cannot go on throws: {@link ClientFailure} for the client's fault, an upstream failure for the upstream's;
 * {@link DataPlane} turns either into the answer the client gets.
 */
interface Stage {

    void run(Flight flight, Chain next) throws IOException, InterruptedException;
}
