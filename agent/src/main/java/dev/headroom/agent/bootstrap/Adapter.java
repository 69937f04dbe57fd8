package dev.headroom.agent.bootstrap;

/** One client's rewrite step, defined next to the client's own class loader. JDK types only. */
public interface Adapter {

    /** Returns the object to use instead of {@code target} (a request), or {@code target} itself. */
    Object apply(Object target);
}
