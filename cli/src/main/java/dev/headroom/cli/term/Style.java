package dev.headroom.cli.term;

import java.util.Map;

/**
 * Terminal colours that follow the terminal: ANSI only when stdout is a terminal, {@code NO_COLOR} is unset
 * (https://no-color.org) and {@code TERM} is not {@code dumb}; {@code FORCE_COLOR} turns them on anyway
 * (for pagers that understand them).
 */
public final class Style {

    private final boolean on;

    private Style(boolean on) {
        this.on = on;
    }

    public static Style forStdout() {
        return detect(System.getenv(), System.console() != null && isTerminal());
    }

    /** Decides from the environment and whether stdout is a terminal (for tests). */
    public static Style detect(Map<String, String> env, boolean terminal) {
        if (env.containsKey("NO_COLOR") && !env.get("NO_COLOR").isEmpty()) {
            return new Style(false);
        }
        String force = env.get("FORCE_COLOR");
        if (force != null && !force.isEmpty() && !force.equals("0")) {
            return new Style(true);
        }
        return new Style(terminal && !"dumb".equals(env.get("TERM")));
    }

    public static Style plain() {
        return new Style(false);
    }

    private static boolean isTerminal() {
        // Java 22+: Console.isTerminal() says whether stdout really is a terminal, not just stdin.
        java.io.Console c = System.console();
        return c != null && c.isTerminal();
    }

    public boolean enabled() {
        return on;
    }

    public String green(String s) {
        return wrap("32", s);
    }

    public String yellow(String s) {
        return wrap("33", s);
    }

    public String red(String s) {
        return wrap("31", s);
    }

    public String dim(String s) {
        return wrap("2", s);
    }

    public String bold(String s) {
        return wrap("1", s);
    }

    private String wrap(String code, String s) {
        return on ? "\u001b[" + code + "m" + s + "\u001b[0m" : s;
    }
}
