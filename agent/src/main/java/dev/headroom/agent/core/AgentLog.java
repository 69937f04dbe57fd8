package dev.headroom.agent.core;

/** The agent's few log lines go to stderr with a fixed prefix; the app's logging is never touched. */
final class AgentLog {

    private static volatile boolean quiet;

    private AgentLog() {
    }

    static void setQuiet(boolean value) {
        quiet = value;
    }

    static void info(String message) {
        if (!quiet) {
            System.err.println("[headroom-agent] " + message);
        }
    }

    /** Warnings are shown even when quiet: they mean a setting was not applied as written. */
    static void warn(String message) {
        System.err.println("[headroom-agent] WARNING: " + message);
    }
}
