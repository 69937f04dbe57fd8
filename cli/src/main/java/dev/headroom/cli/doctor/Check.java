package dev.headroom.cli.doctor;

/** One doctor check: a status, a one-line summary and a hint that says what to run (empty when nothing to do). */
public record Check(String name, Status status, String summary, String hint) {

    /** The outcome, in order of severity. */
    public enum Status {
        PASS, SKIP, WARN, FAIL;

        public String label() {
            return name().toLowerCase();
        }
    }

    public static Check pass(String name, String summary) {
        return new Check(name, Status.PASS, summary, "");
    }

    public static Check pass(String name, String summary, String hint) {
        return new Check(name, Status.PASS, summary, hint);
    }

    public static Check skip(String name, String summary, String hint) {
        return new Check(name, Status.SKIP, summary, hint);
    }

    public static Check warn(String name, String summary, String hint) {
        return new Check(name, Status.WARN, summary, hint);
    }

    public static Check fail(String name, String summary, String hint) {
        return new Check(name, Status.FAIL, summary, hint);
    }
}
