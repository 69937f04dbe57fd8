package dev.headroom.eval;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The JSON tool outputs per command family: tokens before, after lossless and balanced, and two outside
 * references for the same payload with the same wrapper: minified JSON (what any proxy could do) and TOON
 * (a format made for LLM input). A mode that does worse than minified JSON leaves easy savings behind.
 */
final class JsonReferences {

    private static final class Row {
        int units;
        long before;
        long lossless;
        long balanced;
        long minified;
        long toon;
        boolean toonComplete = true;

        void add(DistinctUnit u) {
            units++;
            before += u.before();
            lossless += u.lossless();
            balanced += u.balanced();
            minified += u.json().minifiedTokens();
            toon += Math.max(0, u.json().toonTokens());
            toonComplete &= u.json().toonTokens() >= 0;
        }

        String row(String label) {
            String toonText = toonComplete ? String.format(Locale.ROOT, "%10d %6.1f%%", toon, Tally.savedPercent(before, toon))
                    : String.format(Locale.ROOT, "%10s", "n/a");
            return String.format(Locale.ROOT, "  %-44s %7d %10d %10d %6.1f%% %10d %6.1f%% %10d %6.1f%% %s", label, units,
                    before, lossless, Tally.savedPercent(before, lossless), balanced, Tally.savedPercent(before, balanced),
                    minified, Tally.savedPercent(before, minified), toonText).stripTrailing();
        }

        ObjectNode toJson(ObjectNode node) {
            node.put("count", units).put("tokensBefore", before).put("tokensLossless", lossless)
                    .put("tokensBalanced", balanced).put("tokensMinifiedJson", minified);
            return toonComplete ? node.put("tokensToon", toon) : node.putNull("tokensToon");
        }
    }

    private final Map<String, Row> rows = new TreeMap<>();
    private final Row total = new Row();

    /**
     * Encodes every JSON payload of {@code units} with TOON in one node run and records the tokens on each unit.
     * Returns null when TOON ran, or why it could not.
     */
    static String encodeToon(List<DistinctUnit> units, ToonEncoder encoder) {
        List<JsonUnit> json = new ArrayList<>();
        units.stream().map(DistinctUnit::json).filter(j -> j != null).forEach(json::add);
        ToonEncoder.Encodings encodings = encoder.encode(json.stream().map(JsonUnit::minified).toList());
        if (!encodings.available()) {
            return encodings.unavailable();
        }
        for (int i = 0; i < json.size(); i++) {
            json.get(i).toon(encodings.texts().get(i));
        }
        return null;
    }

    void add(DistinctUnit u) {
        if (u.json() != null) {
            rows.computeIfAbsent(u.family(), k -> new Row()).add(u);
            total.add(u);
        }
    }

    /** @param toonUnavailable why TOON is missing, or null */
    void print(PrintStream out, String toonUnavailable) {
        if (rows.isEmpty()) {
            out.println("  JSON tool outputs: none");
            return;
        }
        out.printf(Locale.ROOT, "  %-44s %7s %10s %10s %7s %10s %7s %10s %7s %10s %7s%n", "JSON outputs per command family",
                "outputs", "before", "lossless", "saved", "balanced", "saved", "minified", "saved", "TOON", "saved");
        rows.forEach((family, row) -> out.println(row.row(family)));
        out.println(total.row("ALL JSON OUTPUTS"));
        out.println("  minified = the payload as Jackson writes it, TOON = @toon-format/toon as pinned in evaluation/toon; both with the output's"
                + " wrapper (a Codex header) added");
        if (toonUnavailable != null) {
            out.println("  TOON: n/a (" + toonUnavailable + ")");
        }
    }

    ObjectNode toJson() {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        rows.forEach((family, row) -> row.toJson(node.putObject(family)));
        total.toJson(node.putObject("ALL"));
        return node;
    }
}
