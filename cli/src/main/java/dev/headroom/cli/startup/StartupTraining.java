package dev.headroom.cli.startup;

import dev.headroom.cli.HeadroomCommand;
import dev.headroom.engine.store.HeadroomDatabase;
import dev.headroom.engine.store.HeadroomHome;
import dev.headroom.engine.store.SavingsLedger;

/**
 * The training run behind {@code cli/target/headroom.jsa}, the JDK AOT cache that {@code bin/headroom} passes
 * to the JVM: the build runs this class once with {@code -XX:AOTCacheOutput}, so the classes the short
 * commands need (picocli, doctor, savings, SQLite) are loaded and linked ahead of time. It runs the commands
 * in-process against the HEADROOM_HOME the build gives it (a directory under target/), never a user's.
 */
public final class StartupTraining {

    private StartupTraining() {
    }

    public static void main(String[] args) throws Exception {
        HeadroomHome home = HeadroomHome.fromEnvironment();
        if (!home.dir().toString().contains("target")) {
            throw new IllegalStateException("run only by the build, with HEADROOM_HOME under target/ (got " + home + ")");
        }
        try (HeadroomDatabase db = HeadroomDatabase.open(home)) {
            new SavingsLedger(db).record(new SavingsLedger.Event(System.currentTimeMillis(), "cli", "training", "anthropic",
                    "claude-sonnet-4-5", 1000, 400, "estimate", "training"));
        }
        String[][] runs = {
            {"--help"},
            {"doctor", "--port", "1"},
            {"doctor", "--json", "--port", "1"},
            {"savings"},
            {"savings", "--json"},
            {"perf", "--format", "json"},
            {"wrap", "claude", "--help"},
            {"unwrap", "--help"},
            {"dashboard", "--help"},
        };
        for (String[] run : runs) {
            HeadroomCommand.run(run);
        }
    }
}
