package dev.headroom.agent.advice;

import dev.headroom.agent.bootstrap.HeadroomBridge;
import net.bytebuddy.asm.Advice;

/** Inlined into Apache HttpClient 5 {@code HttpClientBuilder#build()}: registers the rewriting exec interceptor. */
public final class Apache5ClassicBuildAdvice {

    private Apache5ClassicBuildAdvice() {
    }

    @Advice.OnMethodEnter(suppress = Throwable.class)
    public static void enter(@Advice.Origin Class<?> origin, @Advice.This Object builder) {
        HeadroomBridge.customize("apache5-classic", origin, builder);
    }
}
