package dev.headroom.eval;

import java.io.PrintStream;
import java.util.List;
import java.util.Locale;

/**
 * Prints one set's tables. A set that is not detailed (held-out data) shows aggregates only: no session lines,
 * no needle texts, no previews of tool outputs, so its content never reaches whoever tunes the engine.
 */
final class SetPrinter {

    private final PrintStream out;
    private final String toonUnavailable;

    /** @param toonUnavailable why TOON is missing, or null */
    SetPrinter(PrintStream out, String toonUnavailable) {
        this.out = out;
        this.toonUnavailable = toonUnavailable;
    }

    void print(SetFigures set) {
        out.printf(Locale.ROOT, "%n======== %s: %d sessions, %d distinct tool outputs ========%n", set.title(),
                set.sessions().size(), set.families().total().count());
        if (set.sessions().isEmpty()) {
            return;
        }
        set.families().print(out);
        out.println();
        set.types().print(out);
        if (set.detailed()) {
            out.println();
            sessionLines(set);
        }
        out.println();
        needles(set);
        out.println();
        stability(set);
        out.println();
        set.keepReasons().print(out);
        out.println();
        set.json().print(out, toonUnavailable);
    }

    private void sessionLines(SetFigures set) {
        out.println(Tally.header("per session", "count"));
        for (SessionFigures s : set.sessions()) {
            if (s.lines() != null) {
                out.println("  " + s.session().id());
                out.println(s.lines().toolOutputs().row("  tool outputs (distinct)"));
                out.println(s.lines().lastRequest().row("  last request"));
                out.println(s.lines().allRequests().row("  all requests summed"));
            }
        }
    }

    private void needles(SetFigures set) {
        if (set.needles().isEmpty()) {
            out.println("  needles: none in this set");
            return;
        }
        set.needles().print(out);
        List<String> problems = set.needleProblems();
        if (set.detailed()) {
            problems.forEach(p -> out.println("  " + p));
        } else if (!problems.isEmpty()) {
            out.println("  " + problems.size() + " needles lost or not verbatim (texts not shown for this set)");
        }
    }

    private void stability(SetFigures set) {
        out.printf(Locale.ROOT, "  unstable outputs (bytes differ between turns of a session): %d (lossless %d, balanced %d)"
                        + "; target 0%n", set.unstable().size(), count(set.unstable(), "lossless"),
                count(set.unstable(), "balanced"));
        details(set, set.unstable());
        out.printf(Locale.ROOT, "  nondeterministic outputs (a second replay with fresh engines differs): %d (lossless %d,"
                        + " balanced %d); target 0%n", set.nondeterministic().size(),
                count(set.nondeterministic(), "lossless"), count(set.nondeterministic(), "balanced"));
        details(set, set.nondeterministic());
    }

    private void details(SetFigures set, List<StabilityCheck.Finding> findings) {
        if (!set.detailed()) {
            return;
        }
        for (StabilityCheck.Finding f : findings) {
            out.printf(Locale.ROOT, "    %s %s turn %d [%s, %s] %d variants: %s%n", f.mode(), f.session(), f.turn(),
                    f.family(), f.type(), f.variants(), f.preview());
        }
    }

    static long count(List<StabilityCheck.Finding> findings, String mode) {
        return findings.stream().filter(f -> f.mode().equals(mode)).count();
    }
}
