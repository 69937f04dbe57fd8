package dev.headroom.agent.advice;

import dev.headroom.agent.bootstrap.HeadroomBridge;
import net.bytebuddy.asm.Advice;

/**
 * Inlined into {@code org.apache.http.impl.execchain.ProtocolExec#execute}: argument 1 is the client's
 * private {@code HttpRequestWrapper}, whose entity the adapter replaces before Content-Length is computed.
 */
public final class Apache4ExecAdvice {

    private Apache4ExecAdvice() {
    }

    @Advice.OnMethodEnter(suppress = Throwable.class)
    public static void enter(@Advice.Origin Class<?> origin, @Advice.Argument(1) Object request) {
        HeadroomBridge.rewrite("apache4", origin, request);
    }
}
