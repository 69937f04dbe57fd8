package dev.headroom.eval;

import dev.headroom.engine.UnitReport;
import dev.headroom.engine.ccr.ContentHash;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Two promises the engine makes, checked on replays. Stable: a tool output (same original text) is sent with
 * the same bytes on every turn of a session, so the client's prompt cache stays valid. Deterministic: a second
 * replay with fresh engines (fresh store, fresh memo) sends every output with the same bytes as the first.
 */
final class StabilityCheck {

    /**
     * One tool output that broke a promise.
     *
     * @param turn     the first turn (1-based) where it shows
     * @param variants how many different texts were sent for it
     * @param preview  the start of its original text (printed for the tuning set only)
     */
    record Finding(String session, String mode, String family, String type, int turn, int variants, String preview) {
    }

    private StabilityCheck() {
    }

    /** Outputs whose compressed text differs between the turns of one replay. */
    static List<Finding> acrossTurns(SessionReplay.Replayed r, List<List<String>> families, String mode) {
        Map<String, Set<String>> sent = new LinkedHashMap<>();
        Map<String, Finding> first = new HashMap<>();
        for (int t = 0; t < r.turns().size(); t++) {
            List<UnitReport> units = r.turns().get(t).result().units();
            for (int i = 0; i < units.size(); i++) {
                UnitReport u = units.get(i);
                String key = ContentHash.of(u.original());
                sent.computeIfAbsent(key, k -> new LinkedHashSet<>()).add(ContentHash.of(u.result()));
                int turn = t;
                int index = i;
                first.computeIfAbsent(key, k -> finding(r, mode, families, turn, index, 0));
            }
        }
        List<Finding> out = new ArrayList<>();
        sent.forEach((key, results) -> {
            if (results.size() > 1) {
                Finding f = first.get(key);
                out.add(new Finding(f.session(), mode, f.family(), f.type(), f.turn(), results.size(), f.preview()));
            }
        });
        return out;
    }

    /** Outputs sent differently by two replays of the same session (each output counted once). */
    static List<Finding> betweenReplays(SessionReplay.Replayed a, SessionReplay.Replayed b, List<List<String>> families,
                                        String mode) {
        Set<String> seen = new LinkedHashSet<>();
        List<Finding> out = new ArrayList<>();
        for (int t = 0; t < a.turns().size(); t++) {
            List<UnitReport> first = a.turns().get(t).result().units();
            List<UnitReport> second = t < b.turns().size() ? b.turns().get(t).result().units() : List.of();
            for (int i = 0; i < first.size(); i++) {
                // A request sent whole (e.g. over the time budget) has no units: each of its outputs differs.
                boolean same = i < second.size() && first.get(i).result().equals(second.get(i).result());
                if (!same && seen.add(ContentHash.of(first.get(i).original()))) {
                    out.add(finding(a, mode, families, t, i, 2));
                }
            }
        }
        return out;
    }

    private static Finding finding(SessionReplay.Replayed r, String mode, List<List<String>> families, int turn,
                                   int index, int variants) {
        UnitReport u = r.turns().get(turn).result().units().get(index);
        String family = turn < families.size() && index < families.get(turn).size()
                ? families.get(turn).get(index) : UnitFamilies.UNLABELLED;
        String type = u.contentType().isEmpty() ? u.transform() : u.contentType();
        String preview = u.original().strip().lines().findFirst().orElse("");
        return new Finding(r.session().id(), mode, family, type, turn + 1, variants,
                preview.length() > 60 ? preview.substring(0, 60) + "…" : preview);
    }
}
