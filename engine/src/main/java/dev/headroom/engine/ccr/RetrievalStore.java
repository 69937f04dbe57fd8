package dev.headroom.engine.ccr;

import java.util.Optional;

/**
 * Keeps the originals of compressed units, keyed by their hash, for a time-to-live.
 *
 * <p>Implementations: {@link InMemoryRetrievalStore} for embedded use (the JVM agent),
 * {@code dev.headroom.engine.store.SqliteRetrievalStore} for the CLI and proxy (shared under
 * {@code HEADROOM_HOME}). Every method is thread-safe and never throws for a missing entry.
 */
public interface RetrievalStore {

    /** Stores (or refreshes the expiry of) the original text for {@code hash}. */
    void put(String hash, String original);

    /** The original for {@code hash}, or empty when it is unknown or has expired. */
    Optional<String> get(String hash);

    /** Counts for stats endpoints. */
    StoreStats stats();

    /** Entry count, total characters held, and lookups that hit or missed since start. */
    record StoreStats(long entries, long chars, long hits, long misses) {
    }
}
