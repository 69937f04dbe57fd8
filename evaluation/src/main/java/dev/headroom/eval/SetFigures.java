package dev.headroom.eval;

import java.util.ArrayList;
import java.util.List;

/**
 * The report's figures for one set of sessions (tuning, held-out, the whole corpus, or the other sessions),
 * summed from each session's {@link SessionFigures}.
 *
 * @param name     tuning, held-out, whole-corpus or other (the key in report.json)
 * @param title    what the set is, for the printed heading
 * @param detailed true when sessions, needle texts and unit previews may be printed (never for held-out data)
 */
record SetFigures(String name, String title, boolean detailed, List<SessionFigures> sessions, FamilyTable families,
                  FamilyTable types, NeedleTable needles, KeepReasons keepReasons, JsonReferences json,
                  List<StabilityCheck.Finding> unstable, List<StabilityCheck.Finding> nondeterministic) {

    static SetFigures of(String name, String title, boolean detailed, List<SessionFigures> sessions) {
        FamilyTable families = FamilyTable.byFamily();
        FamilyTable types = FamilyTable.byType();
        NeedleTable needles = new NeedleTable();
        KeepReasons keep = new KeepReasons();
        JsonReferences json = new JsonReferences();
        List<StabilityCheck.Finding> unstable = new ArrayList<>();
        List<StabilityCheck.Finding> nondeterministic = new ArrayList<>();
        for (SessionFigures s : sessions) {
            for (DistinctUnit u : s.units()) {
                families.add(u);
                types.add(u);
                keep.add(u);
                json.add(u);
            }
            s.needles().forEach(needles::add);
            unstable.addAll(s.unstable());
            nondeterministic.addAll(s.nondeterministic());
        }
        return new SetFigures(name, title, detailed, sessions, families, types, needles, keep, json, unstable, nondeterministic);
    }

    /** The needles lost in balanced mode or absent from their session (listed by name for detailed sets). */
    List<String> needleProblems() {
        List<String> out = new ArrayList<>();
        for (SessionFigures s : sessions) {
            for (SessionFigures.NeedleResult r : s.needles()) {
                if (r.balanced() == NeedleEvaluation.Outcome.LOST || r.lossless() != NeedleEvaluation.Outcome.VERBATIM) {
                    out.add(problem(s, r));
                }
            }
        }
        return out;
    }

    private static String problem(SessionFigures s, SessionFigures.NeedleResult r) {
        String what = r.balanced() == NeedleEvaluation.Outcome.ABSENT_FROM_ORIGINAL ? "ABSENT FROM ORIGINAL (index error)"
                : r.balanced() == NeedleEvaluation.Outcome.LOST ? "LOST in balanced" : "not verbatim in lossless";
        if (r.balanced() == NeedleEvaluation.Outcome.LOST && r.lossless() != NeedleEvaluation.Outcome.VERBATIM) {
            what = "LOST in both modes";
        }
        return what + ": " + s.session().id() + " [" + r.family() + "]: " + r.needle();
    }
}
