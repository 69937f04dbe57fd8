package dev.headroom.agent.advice;

import dev.headroom.agent.bootstrap.HeadroomBridge;
import net.bytebuddy.asm.Advice;

/** Inlined into Apache HttpClient 5 {@code HttpAsyncClientBuilder#build()}: registers the async exec interceptor. */
public final class Apache5AsyncBuildAdvice {

    private Apache5AsyncBuildAdvice() {
    }

    @Advice.OnMethodEnter(suppress = Throwable.class)
    public static void enter(@Advice.Origin Class<?> origin, @Advice.This Object builder) {
        HeadroomBridge.customize("apache5-async", origin, builder);
    }
}
