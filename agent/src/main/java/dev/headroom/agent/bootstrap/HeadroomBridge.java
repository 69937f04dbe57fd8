package dev.headroom.agent.bootstrap;

import java.util.concurrent.atomic.AtomicLong;

/**
 * The only agent class applications can see. Inlined advice calls its static methods with JDK types;
 * the agent installs the real implementation at start-up. Every entry point catches everything and
 * hands back the original object: the app's request goes out whatever happens here (fail-open).
 */
public final class HeadroomBridge {

    private static volatile AdapterFactory factory;
    private static volatile BodyRewriter rewriter;

    /** Advice or adapter failures (the app still sent its original request). Zero in a healthy run. */
    public static final AtomicLong ERRORS = new AtomicLong();

    private HeadroomBridge() {
    }

    public static void install(AdapterFactory adapters, BodyRewriter bodyRewriter) {
        rewriter = bodyRewriter;
        factory = adapters;
    }

    /** The rewriting service, or null before the agent is installed. */
    public static BodyRewriter rewriter() {
        return rewriter;
    }

    /** Called from advice: returns the request to use instead of {@code target} (often {@code target} itself). */
    public static Object rewrite(String client, Class<?> origin, Object target) {
        AdapterFactory f = factory;
        if (f == null || target == null) {
            return target;
        }
        try {
            Adapter adapter = f.adapterFor(client, origin);
            if (adapter == null) {
                return target;
            }
            Object out = adapter.apply(target);
            return out != null ? out : target;
        } catch (Throwable t) {
            ERRORS.incrementAndGet();
            return target;
        }
    }

    /** Called from builder advice: lets the adapter register its interceptor on {@code builder}. */
    public static void customize(String client, Class<?> origin, Object builder) {
        rewrite(client, origin, builder);
    }
}
