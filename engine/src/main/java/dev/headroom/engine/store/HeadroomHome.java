package dev.headroom.engine.store;

import java.nio.file.Path;
import java.util.Map;

/**
 * Where Headroom keeps its state: {@code HEADROOM_HOME}, default {@code ~/.headroom}. One SQLite database
 * ({@code headroom.db}) holds the retrieval store, the decision memo and the savings ledger, shared by the
 * proxy, the agent and the CLI; logs live in {@code logs/} beside it.
 */
public final class HeadroomHome {

    private final Path dir;

    private HeadroomHome(Path dir) {
        this.dir = dir;
    }

    public static HeadroomHome of(Path dir) {
        return new HeadroomHome(dir.toAbsolutePath().normalize());
    }

    /** {@code HEADROOM_HOME} from {@code env}, else {@code ~/.headroom}. */
    public static HeadroomHome resolve(Map<String, String> env) {
        String v = env.get("HEADROOM_HOME");
        if (v != null && !v.isBlank()) {
            return of(Path.of(v));
        }
        String home = env.getOrDefault("HOME", System.getProperty("user.home"));
        return of(Path.of(home, ".headroom"));
    }

    public static HeadroomHome fromEnvironment() {
        return resolve(System.getenv());
    }

    public Path dir() {
        return dir;
    }

    public Path database() {
        return dir.resolve("headroom.db");
    }

    public Path logs() {
        return dir.resolve("logs");
    }

    @Override
    public String toString() {
        return dir.toString();
    }
}
