package dev.headroom.agent.bootstrap;

/** Finds (or defines) the adapter for one client next to the class loader that holds the client. */
public interface AdapterFactory {

    /** The adapter for {@code client} as seen from {@code origin}'s class loader, or null if none fits. */
    Adapter adapterFor(String client, Class<?> origin);
}
