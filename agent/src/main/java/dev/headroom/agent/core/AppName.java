package dev.headroom.agent.core;

import java.nio.file.Path;

/** The app's name for the savings ledger: the jar's file name, else the main class, from sun.java.command. */
final class AppName {

    private AppName() {
    }

    static String detect(String configured) {
        if (configured != null) {
            return configured;
        }
        String command = System.getProperty("sun.java.command", "");
        String first = command.trim().split("\\s+", 2)[0];
        if (first.isEmpty()) {
            return "java";
        }
        if (first.endsWith(".jar")) {
            Path p = Path.of(first).getFileName();
            return p == null ? first : p.toString();
        }
        return first;
    }
}
