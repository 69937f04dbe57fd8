package dev.headroom.agent.core;

import dev.headroom.agent.bootstrap.HeadroomBridge;
import net.bytebuddy.ByteBuddy;
import net.bytebuddy.agent.builder.AgentBuilder;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.dynamic.ClassFileLocator;
import net.bytebuddy.dynamic.scaffold.TypeValidation;
import net.bytebuddy.utility.JavaModule;

import java.lang.instrument.Instrumentation;

import static net.bytebuddy.matcher.ElementMatchers.isPublic;
import static net.bytebuddy.matcher.ElementMatchers.nameStartsWith;
import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.takesArguments;

/**
 * The hook points (see java-agent-hooks.md §1). Types and advice are named by string so nothing of the
 * app or the JDK's HTTP client is loaded early; advice bytes are read from the agent jar.
 */
final class Instrumentations {

    private static final String ADVICE = "dev.headroom.agent.advice.";
    /** Relocated by the shade plugin along with the rest of Byte Buddy. */
    private static final String SAFE_PROPERTY = "net.bytebuddy.safe";

    private Instrumentations() {
    }

    static void install(Instrumentation inst, ClassLoader agentLoader) {
        // Our (relocated) Byte Buddy needs no sun.misc.Unsafe for advice; without this JDK 24+ prints a
        // deprecation warning on the app's stderr. Only the relocated name is set: the app's own Byte
        // Buddy, if any, is not affected.
        if (System.getProperty(SAFE_PROPERTY) == null) {
            System.setProperty(SAFE_PROPERTY, "true");
        }
        ClassFileLocator advice = ClassFileLocator.ForClassLoader.of(agentLoader);
        new AgentBuilder.Default(new ByteBuddy().with(TypeValidation.DISABLED))
                .disableClassFormatChanges()
                .with(AgentBuilder.RedefinitionStrategy.RETRANSFORMATION)
                .with(AgentBuilder.TypeStrategy.Default.DECORATE)
                .with(AgentBuilder.DescriptionStrategy.Default.POOL_ONLY)
                .with(new ErrorListener())
                // The default ignores the bootstrap and platform loaders, where java.net.http lives.
                .ignore(nameStartsWith("dev.headroom.agent."))
                .assureReadEdgeTo(inst, HeadroomBridge.class)
                .type(named("jdk.internal.net.http.HttpClientImpl"))
                .transform(new AgentBuilder.Transformer.ForAdvice().include(advice)
                        .advice(named("send").and(takesArguments(2)), ADVICE + "JdkSendAdvice")
                        .advice(named("sendAsync").and(takesArguments(3)).and(isPublic()), ADVICE + "JdkSendAdvice"))
                .type(named("okhttp3.OkHttpClient"))
                .transform(new AgentBuilder.Transformer.ForAdvice().include(advice)
                        .advice(named("newCall").and(takesArguments(1)), ADVICE + "OkHttpNewCallAdvice"))
                .type(named("org.apache.http.impl.execchain.ProtocolExec"))
                .transform(new AgentBuilder.Transformer.ForAdvice().include(advice)
                        .advice(named("execute").and(takesArguments(4)), ADVICE + "Apache4ExecAdvice"))
                .type(named("org.apache.hc.client5.http.impl.classic.HttpClientBuilder"))
                .transform(new AgentBuilder.Transformer.ForAdvice().include(advice)
                        .advice(named("build").and(takesArguments(0)), ADVICE + "Apache5ClassicBuildAdvice"))
                .type(named("org.apache.hc.client5.http.impl.async.HttpAsyncClientBuilder"))
                .transform(new AgentBuilder.Transformer.ForAdvice().include(advice)
                        .advice(named("build").and(takesArguments(0)), ADVICE + "Apache5AsyncBuildAdvice"))
                .installOn(inst);
    }

    /** Counts instrumentation failures as agent errors: fail-open in production, visible in tests. */
    private static final class ErrorListener extends AgentBuilder.Listener.Adapter {
        @Override
        public void onError(String typeName, ClassLoader classLoader, JavaModule module, boolean loaded,
                            Throwable throwable) {
            HeadroomBridge.ERRORS.incrementAndGet();
            AgentLog.warn("could not hook " + typeName + ": " + throwable);
        }

        @Override
        public void onTransformation(TypeDescription typeDescription, ClassLoader classLoader, JavaModule module,
                                     boolean loaded, net.bytebuddy.dynamic.DynamicType dynamicType) {
            if (Boolean.getBoolean("headroom.agent.debug")) {
                AgentLog.info("hooked " + typeDescription.getName());
            }
        }
    }
}
