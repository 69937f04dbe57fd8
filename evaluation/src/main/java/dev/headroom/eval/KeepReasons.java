package dev.headroom.eval;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.PrintStream;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Why large tool outputs went out untouched in balanced mode: the protection or reason the engine gave
 * ({@code keep:no-transform}, {@code keep:excluded-tool}, {@code keep:recent-code}, {@code keep:no-gain}, ...),
 * with the number of outputs, their tokens and the families they came from. Large outputs left alone are where
 * savings are missed, so each reason is worth a look.
 */
final class KeepReasons {

    /** Outputs above this many characters count as large. */
    static final int LARGE_CHARS = 2_000;

    private static final class Row {
        int units;
        long tokens;
        final Map<String, Integer> families = new TreeMap<>();
    }

    private final Map<String, Row> rows = new TreeMap<>();

    void add(DistinctUnit u) {
        if (u.chars() <= LARGE_CHARS || !u.keptInBalanced()) {
            return;
        }
        Row row = rows.computeIfAbsent(u.balancedTransform(), k -> new Row());
        row.units++;
        row.tokens += u.before();
        row.families.merge(u.family(), 1, Integer::sum);
    }

    void print(PrintStream out) {
        out.printf(Locale.ROOT, "  %-44s %7s %10s  %s%n", "keep reason (outputs > 2,000 chars)", "outputs", "tokens",
                "families");
        if (rows.isEmpty()) {
            out.println("  (none)");
        }
        rows.forEach((reason, row) -> out.printf(Locale.ROOT, "  %-44s %7d %10d  %s%n", reason, row.units, row.tokens,
                row.families.entrySet().stream().map(e -> e.getKey() + " " + e.getValue())
                        .collect(Collectors.joining(", "))));
    }

    ObjectNode toJson() {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        rows.forEach((reason, row) -> {
            ObjectNode r = node.putObject(reason).put("count", row.units).put("tokensBefore", row.tokens);
            ObjectNode families = r.putObject("families");
            row.families.forEach(families::put);
        });
        return node;
    }
}
