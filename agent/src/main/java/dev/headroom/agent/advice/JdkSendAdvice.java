package dev.headroom.agent.advice;

import dev.headroom.agent.bootstrap.HeadroomBridge;
import net.bytebuddy.asm.Advice;
import net.bytebuddy.implementation.bytecode.assign.Assigner;

/** Inlined into {@code jdk.internal.net.http.HttpClientImpl#send/sendAsync}: swaps the request (argument 0). */
public final class JdkSendAdvice {

    private JdkSendAdvice() {
    }

    @Advice.OnMethodEnter(suppress = Throwable.class)
    public static void enter(@Advice.Origin Class<?> origin,
                             @Advice.Argument(value = 0, readOnly = false, typing = Assigner.Typing.DYNAMIC) Object request) {
        request = HeadroomBridge.rewrite("jdk", origin, request);
    }
}
