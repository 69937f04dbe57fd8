package dev.headroom.eval;

import java.util.List;

/**
 * What the report keeps of one session once its replays are dropped.
 *
 * @param lines            the per-session lines, or null for sets whose sessions are not printed one by one
 * @param unstable         outputs sent with different bytes on different turns (both modes)
 * @param nondeterministic outputs sent differently by a second replay with fresh engines (both modes)
 */
record SessionFigures(Session session, CorpusSplit.Part part, List<DistinctUnit> units, List<NeedleResult> needles,
                      List<StabilityCheck.Finding> unstable, List<StabilityCheck.Finding> nondeterministic,
                      SessionLines lines) {

    /**
     * One needle's outcome in both modes.
     *
     * @param family the family of the first tool output of the last turn that holds it
     */
    record NeedleResult(String needle, String family, NeedleEvaluation.Outcome balanced,
                        NeedleEvaluation.Outcome lossless) {
    }
}
