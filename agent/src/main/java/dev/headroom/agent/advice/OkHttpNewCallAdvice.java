package dev.headroom.agent.advice;

import dev.headroom.agent.bootstrap.HeadroomBridge;
import net.bytebuddy.asm.Advice;
import net.bytebuddy.implementation.bytecode.assign.Assigner;

/** Inlined into {@code okhttp3.OkHttpClient#newCall(Request)}: swaps the request before any interceptor runs. */
public final class OkHttpNewCallAdvice {

    private OkHttpNewCallAdvice() {
    }

    @Advice.OnMethodEnter(suppress = Throwable.class)
    public static void enter(@Advice.Origin Class<?> origin,
                             @Advice.Argument(value = 0, readOnly = false, typing = Assigner.Typing.DYNAMIC) Object request) {
        request = HeadroomBridge.rewrite("okhttp", origin, request);
    }
}
