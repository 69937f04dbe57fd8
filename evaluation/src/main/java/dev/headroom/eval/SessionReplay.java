package dev.headroom.eval;

import dev.headroom.engine.CompressionMode;
import dev.headroom.engine.CompressionResult;
import dev.headroom.engine.EngineSettings;
import dev.headroom.engine.HeadroomEngine;
import dev.headroom.engine.RequestOptions;
import dev.headroom.engine.ccr.InMemoryRetrievalStore;
import dev.headroom.engine.ccr.RetrievalStore;
import dev.headroom.engine.memo.InMemoryDecisionMemo;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * Replays a session turn by turn through one engine (one store, one memo), as the proxy would see it.
 */
public final class SessionReplay {

    /** One turn: the request as sent by the client and the engine's result. */
    public record Turn(Path file, byte[] original, CompressionResult result) {
    }

    /** All turns of a session, and the store holding the originals its markers name. */
    public record Replayed(Session session, List<Turn> turns, RetrievalStore store) {
    }

    private final EngineSettings settings;
    private final UnaryOperator<HeadroomEngine> customizer;

    public SessionReplay(CompressionMode mode, UnaryOperator<HeadroomEngine> customizer) {
        this.settings = EngineSettings.defaults().withMode(mode);
        this.customizer = customizer;
    }

    public SessionReplay(CompressionMode mode) {
        this(mode, UnaryOperator.identity());
    }

    public Replayed replay(Session session) throws IOException {
        InMemoryRetrievalStore store = new InMemoryRetrievalStore();
        HeadroomEngine engine = customizer.apply(HeadroomEngine.create(settings, store, new InMemoryDecisionMemo()));
        List<Turn> turns = new ArrayList<>();
        for (Path p : session.turns()) {
            byte[] body = Files.readAllBytes(p);
            turns.add(new Turn(p, body, engine.compress(body, RequestOptions.defaults())));
        }
        return new Replayed(session, turns, store);
    }
}
