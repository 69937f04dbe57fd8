package dev.headroom.eval;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.PrintStream;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Distinct tool outputs and their tokens before and after each mode, per label: a command family, or a
 * detected content type (the same table, keyed differently), with the total as the last row.
 */
final class FamilyTable {

    private final String heading;
    private final Function<DistinctUnit, String> key;
    private final Map<String, Tally> rows = new TreeMap<>();
    private final Tally total = new Tally();

    private FamilyTable(String heading, Function<DistinctUnit, String> key) {
        this.heading = heading;
        this.key = key;
    }

    static FamilyTable byFamily() {
        return new FamilyTable("command family", DistinctUnit::family);
    }

    static FamilyTable byType() {
        return new FamilyTable("content type (or keep reason)", DistinctUnit::type);
    }

    void add(DistinctUnit u) {
        rows.computeIfAbsent(key.apply(u), k -> new Tally()).add(u.before(), u.lossless(), u.balanced());
        total.add(u.before(), u.lossless(), u.balanced());
    }

    Tally total() {
        return total;
    }

    void print(PrintStream out) {
        out.println(Tally.header("per " + heading, "outputs"));
        rows.forEach((label, tally) -> out.println(tally.row(label)));
        out.println(total.row("ALL TOOL OUTPUTS"));
    }

    /** {@code {label: {count, tokensBefore, ...}}}. */
    ObjectNode toJson() {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        rows.forEach((label, tally) -> tally.toJson(node.putObject(label)));
        return node;
    }
}
