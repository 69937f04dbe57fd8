package dev.headroom.e2e;

import dev.headroom.testsupport.FakeLlmUpstream;
import dev.headroom.testsupport.RecordedRequest;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * What an end-to-end failure prints: the client's output, the proxy's log and a summary of what the fake
 * upstream received. Tests register suppliers as they start things; {@link #report()} runs them all.
 */
final class Diagnostics {

    private final List<Supplier<String>> sections = new ArrayList<>();

    void add(String title, Supplier<String> section) {
        sections.add(() -> "===== " + title + " =====\n" + section.get());
    }

    /** An assertion block that, when it fails, fails with the whole report attached (printed with the failure). */
    void verify(Check check) throws Exception {
        try {
            check.run();
        } catch (AssertionError | Exception e) {
            e.addSuppressed(new AssertionError("end-to-end evidence:" + report()));
            throw e;
        }
    }

    @FunctionalInterface
    interface Check {
        void run() throws Exception;
    }

    String report() {
        StringBuilder b = new StringBuilder("\n");
        for (Supplier<String> s : sections) {
            try {
                b.append(s.get()).append('\n');
            } catch (RuntimeException e) {
                b.append("(could not describe: ").append(e).append(")\n");
            }
        }
        return b.toString();
    }

    /** One line per request the fake received: method, path, size, and the tool outputs it carried. */
    static String upstreamSummary(FakeLlmUpstream upstream) {
        StringBuilder b = new StringBuilder();
        for (RecordedRequest r : upstream.requests()) {
            b.append(r).append('\n');
            if ("POST".equals(r.method())) {
                for (String out : ToolOutputs.of(r)) {
                    b.append("    tool output ").append(out.length()).append(" chars: ")
                            .append(cut(out, 240).replace("\n", "\\n")).append('\n');
                }
            }
        }
        return b.isEmpty() ? "(no requests)" : b.toString();
    }

    /** The text, or its start and end around a note of how much was left out. */
    static String cut(String text, int max) {
        if (text == null || text.length() <= max) {
            return text;
        }
        int half = max / 2;
        return text.substring(0, half) + "\n  [... " + (text.length() - 2 * half) + " chars cut ...]\n"
                + text.substring(text.length() - half);
    }
}
