package dev.headroom.eval;

import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.Locale;

/** Tokens before and after each mode, summed over a number of tool outputs (or requests). */
final class Tally {

    /** The column heads matching {@link #row(String)}. */
    static String header(String what, String count) {
        return String.format(Locale.ROOT, "  %-44s %7s %10s %10s %7s %10s %7s", what, count, "before", "lossless",
                "saved", "balanced", "saved");
    }

    private int count;
    private long before;
    private long lossless;
    private long balanced;

    void add(long tokensBefore, long tokensLossless, long tokensBalanced) {
        count++;
        before += tokensBefore;
        lossless += tokensLossless;
        balanced += tokensBalanced;
    }

    void add(Tally other) {
        count += other.count;
        before += other.before;
        lossless += other.lossless;
        balanced += other.balanced;
    }

    int count() {
        return count;
    }

    long before() {
        return before;
    }

    long lossless() {
        return lossless;
    }

    long balanced() {
        return balanced;
    }

    static double savedPercent(long before, long after) {
        return before == 0 ? 0 : 100.0 * (before - after) / before;
    }

    String row(String label) {
        return String.format(Locale.ROOT, "  %-44s %7d %10d %10d %6.1f%% %10d %6.1f%%", label, count, before, lossless,
                savedPercent(before, lossless), balanced, savedPercent(before, balanced));
    }

    ObjectNode toJson(ObjectNode node) {
        return node.put("count", count).put("tokensBefore", before)
                .put("tokensLossless", lossless).put("savedLosslessPercent", round(savedPercent(before, lossless)))
                .put("tokensBalanced", balanced).put("savedBalancedPercent", round(savedPercent(before, balanced)));
    }

    static double round(double percent) {
        return Math.round(percent * 10) / 10.0;
    }
}
