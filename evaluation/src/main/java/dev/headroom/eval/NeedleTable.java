package dev.headroom.eval;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.headroom.eval.NeedleEvaluation.Outcome;

import java.io.PrintStream;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Needle outcomes per command family: in balanced mode verbatim, retrievable (through a hash a marker names,
 * in the replay's store) or lost; in lossless mode verbatim or lost. A needle missing from its session's
 * original requests is an index error and is counted apart.
 */
final class NeedleTable {

    /** Outcome counts of one family, per mode. */
    private static final class Counts {
        final Map<Outcome, Integer> balanced = new EnumMap<>(Outcome.class);
        final Map<Outcome, Integer> lossless = new EnumMap<>(Outcome.class);

        void add(SessionFigures.NeedleResult r) {
            balanced.merge(r.balanced(), 1, Integer::sum);
            lossless.merge(r.lossless(), 1, Integer::sum);
        }

        int judged() {
            return balanced.values().stream().mapToInt(Integer::intValue).sum()
                    - balanced.getOrDefault(Outcome.ABSENT_FROM_ORIGINAL, 0);
        }

        String row(String label) {
            return String.format(Locale.ROOT, ROW, label, judged(),
                    balanced.getOrDefault(Outcome.VERBATIM, 0), balanced.getOrDefault(Outcome.RETRIEVABLE, 0),
                    balanced.getOrDefault(Outcome.LOST, 0), lossless.getOrDefault(Outcome.VERBATIM, 0),
                    // lossless mode writes no markers: anything not verbatim there is lost
                    lossless.getOrDefault(Outcome.LOST, 0) + lossless.getOrDefault(Outcome.RETRIEVABLE, 0),
                    balanced.getOrDefault(Outcome.ABSENT_FROM_ORIGINAL, 0));
        }

        ObjectNode toJson(ObjectNode node) {
            node.put("needles", judged());
            ObjectNode b = node.putObject("balanced");
            ObjectNode l = node.putObject("lossless");
            for (Outcome o : Outcome.values()) {
                b.put(o.name().toLowerCase(Locale.ROOT), balanced.getOrDefault(o, 0));
                l.put(o.name().toLowerCase(Locale.ROOT), lossless.getOrDefault(o, 0));
            }
            return node;
        }
    }

    private static final String ROW = "  %-44s %7d %12d %15d %8d %17d %13d %6d";

    private final Map<String, Counts> rows = new TreeMap<>();
    private final Counts total = new Counts();

    void add(SessionFigures.NeedleResult r) {
        rows.computeIfAbsent(r.family(), k -> new Counts()).add(r);
        total.add(r);
    }

    boolean isEmpty() {
        return rows.isEmpty();
    }

    int lostInBalanced() {
        return total.balanced.getOrDefault(Outcome.LOST, 0);
    }

    void print(PrintStream out) {
        out.println(String.format(Locale.ROOT, ROW.replace('d', 's'), "needles per command family", "needles",
                "bal-verbatim", "bal-retrievable", "bal-lost", "lossless-verbatim", "lossless-lost", "absent"));
        rows.forEach((label, counts) -> out.println(counts.row(label)));
        out.println(total.row("ALL NEEDLES"));
    }

    ObjectNode toJson() {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        rows.forEach((label, counts) -> counts.toJson(node.putObject(label)));
        total.toJson(node.putObject("ALL"));
        return node;
    }
}
