package dev.headroom.eval;

import dev.headroom.engine.CompressionMode;
import dev.headroom.engine.UnitReport;
import dev.headroom.engine.ccr.ContentHash;
import dev.headroom.engine.format.WireFormat;
import dev.headroom.engine.tokens.TokenCounter;
import dev.headroom.engine.tokens.TokenCounters;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Replays a session once per mode and derives everything the report needs from those two replays (savings,
 * families, needles, stability), then replays once more per mode with fresh engines for the determinism check.
 * The replays are dropped when it returns; only {@link SessionFigures} stay.
 */
final class SessionAnalysis {

    static final String NOT_IN_A_TOOL_OUTPUT = "(not in a tool output)";

    private final SessionReplay lossless = new SessionReplay(CompressionMode.LOSSLESS, OptionalEngines::register);
    private final SessionReplay balanced = new SessionReplay(CompressionMode.BALANCED, OptionalEngines::register);

    SessionFigures analyse(Session session, CorpusSplit.Part part, boolean withLines) throws IOException {
        SessionReplay.Replayed l = lossless.replay(session);
        SessionReplay.Replayed b = balanced.replay(session);
        UnitFamilies labeller = new UnitFamilies(session.commands());
        List<List<String>> families = new ArrayList<>();
        for (SessionReplay.Turn t : b.turns()) {
            families.add(labeller.of(t.original(), t.result()));
        }
        List<DistinctUnit> units = distinctUnits(l, b, families);
        List<StabilityCheck.Finding> unstable = new ArrayList<>(StabilityCheck.acrossTurns(l, families, "lossless"));
        unstable.addAll(StabilityCheck.acrossTurns(b, families, "balanced"));
        List<StabilityCheck.Finding> nondeterministic = new ArrayList<>(
                StabilityCheck.betweenReplays(l, lossless.replay(session), families, "lossless"));
        nondeterministic.addAll(StabilityCheck.betweenReplays(b, balanced.replay(session), families, "balanced"));
        return new SessionFigures(session, part, units, needles(session, l, b, families), unstable, nondeterministic,
                withLines ? SessionLines.of(units, l, b) : null);
    }

    /** Each tool output once, at its first turn; both replays saw the same bodies, so units pair by position. */
    private static List<DistinctUnit> distinctUnits(SessionReplay.Replayed l, SessionReplay.Replayed b,
                                                    List<List<String>> families) {
        Set<String> seen = new HashSet<>();
        List<DistinctUnit> out = new ArrayList<>();
        for (int t = 0; t < b.turns().size(); t++) {
            SessionReplay.Turn bt = b.turns().get(t);
            List<UnitReport> lossless = l.turns().get(t).result().units();
            TokenCounter counter = TokenCounters.forModel(bt.result().model(), bt.result().format() == WireFormat.ANTHROPIC);
            List<UnitReport> units = bt.result().units();
            for (int i = 0; i < units.size(); i++) {
                UnitReport u = units.get(i);
                if (!seen.add(ContentHash.of(u.original()))) {
                    continue;
                }
                UnitReport lu = i < lossless.size() ? lossless.get(i) : u;
                long before = counter.count(u.original());
                long afterLossless = lu.compressed() ? counter.count(lu.result()) : before;
                long afterBalanced = u.compressed() ? counter.count(u.result()) : before;
                JsonUnit json = JsonPayload.of(u.original()).map(p -> new JsonUnit(p, counter)).orElse(null);
                out.add(new DistinctUnit(families.get(t).get(i), type(u, lu), u.transform(), u.original().length(),
                        before, afterLossless, afterBalanced, json));
            }
        }
        return out;
    }

    /** The detected type, from either mode; a unit skipped before detection is labelled by its keep reason. */
    private static String type(UnitReport balanced, UnitReport lossless) {
        if (!balanced.contentType().isEmpty()) {
            return balanced.contentType();
        }
        if (!lossless.contentType().isEmpty()) {
            return lossless.contentType();
        }
        return "(" + balanced.transform().replace("keep:", "") + ")";
    }

    /** Judged as NeedleEvaluation judges them, and attributed to the first output of the last turn holding it. */
    private static List<SessionFigures.NeedleResult> needles(Session s, SessionReplay.Replayed l,
                                                             SessionReplay.Replayed b, List<List<String>> families) {
        List<SessionFigures.NeedleResult> out = new ArrayList<>();
        if (b.turns().isEmpty()) {
            return out;
        }
        int last = b.turns().size() - 1;
        List<UnitReport> lastUnits = b.turns().get(last).result().units();
        for (String needle : s.needles()) {
            String family = NOT_IN_A_TOOL_OUTPUT;
            for (int i = 0; i < lastUnits.size(); i++) {
                if (lastUnits.get(i).original().contains(needle)) {
                    family = families.get(last).get(i);
                    break;
                }
            }
            out.add(new SessionFigures.NeedleResult(needle, family, NeedleEvaluation.outcome(b, needle),
                    NeedleEvaluation.outcome(l, needle)));
        }
        return out;
    }
}
