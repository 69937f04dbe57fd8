package dev.headroom.bench;

import dev.headroom.engine.memo.Decision;
import dev.headroom.engine.memo.DecisionMemo;

import java.util.Optional;

/** A memo that never remembers, so every invocation pays for the full compression (an honest cold cost). */
final class NoMemo implements DecisionMemo {

    @Override
    public Optional<Decision> get(String key) {
        return Optional.empty();
    }

    @Override
    public Decision remember(String key, Decision decision) {
        return decision;
    }
}
