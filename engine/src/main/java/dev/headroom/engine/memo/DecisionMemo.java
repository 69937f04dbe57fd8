package dev.headroom.engine.memo;

import java.util.Optional;

/**
 * Remembers decisions by a key made of the unit's content hash and the settings fingerprint.
 * This is what makes compression stable across turns and restarts. Thread-safe; failures to
 * persist are swallowed by implementations (a lost memo entry only costs a recomputation).
 */
public interface DecisionMemo {

    Optional<Decision> get(String key);

    /**
     * Stores {@code decision} unless one is already stored for {@code key}, and returns the one that is
     * stored: when two processes decide the same unit, both then use the first decision.
     */
    Decision remember(String key, Decision decision);
}
