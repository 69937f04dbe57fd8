package dev.headroom.eval;

import dev.headroom.engine.CompressionMode;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * For each session's needles (facts a model needs), checks the compressed requests: is the fact still
 * there verbatim, or retrievable through a hash that a marker in the request names? Target: 100 %.
 * {@link CorpusReport} applies {@link #outcome} to the replays it shares with the savings figures.
 */
public final class NeedleEvaluation {

    /** The outcome for one needle. */
    public enum Outcome { VERBATIM, RETRIEVABLE, LOST, ABSENT_FROM_ORIGINAL }

    /** One needle's outcome. */
    public record Result(String session, String needle, Outcome outcome) {
    }

    private NeedleEvaluation() {
    }

    public static List<Result> evaluate(List<Session> sessions, CompressionMode mode) throws Exception {
        SessionReplay replay = new SessionReplay(mode, OptionalEngines::register);
        List<Result> out = new ArrayList<>();
        for (Session s : sessions) {
            if (s.needles().isEmpty()) {
                continue;
            }
            SessionReplay.Replayed r = replay.replay(s);
            for (String needle : s.needles()) {
                out.add(new Result(s.id(), needle, outcome(r, needle)));
            }
        }
        return out;
    }

    /** Judged on the last turn whose original holds the needle (later turns repeat earlier ones). */
    static Outcome outcome(SessionReplay.Replayed r, String needle) {
        for (int i = r.turns().size() - 1; i >= 0; i--) {
            SessionReplay.Turn t = r.turns().get(i);
            boolean inOriginal = contains(t.original(), needle)
                    || t.result().units().stream().anyMatch(u -> u.original().contains(needle));
            if (!inOriginal) {
                continue;
            }
            boolean verbatim = contains(t.result().body(), needle)
                    || t.result().units().stream().anyMatch(u -> u.result().contains(needle));
            if (verbatim) {
                return Outcome.VERBATIM;
            }
            for (String hash : t.result().ccrHashes()) {
                Optional<String> original = r.store().get(hash);
                if (original.isPresent() && original.get().contains(needle)) {
                    return Outcome.RETRIEVABLE;
                }
            }
            return Outcome.LOST;
        }
        return Outcome.ABSENT_FROM_ORIGINAL;
    }

    private static boolean contains(byte[] body, String needle) {
        return new String(body, StandardCharsets.UTF_8).contains(needle);
    }
}
