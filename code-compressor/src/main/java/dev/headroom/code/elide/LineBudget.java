package dev.headroom.code.elide;

import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * How many lines of each function body to keep, as the reference decides it: a budget of
 * {@code 0.2 × total lines − lines outside bodies}, shared among functions by importance × size, at most
 * {@value #MAX_KEPT_LINES} lines per body. On ordinary files the budget is zero and every long body shrinks
 * to its signature plus the omission comment.
 */
final class LineBudget {

    static final int MAX_KEPT_LINES = 5;
    private static final double BODY_SHARE = 0.2;

    private LineBudget() {
    }

    /** Lines to keep per candidate, in candidate order. */
    static int[] allot(List<FunctionCandidate> candidates, int totalLines, String query) {
        int[] out = new int[candidates.size()];
        if (candidates.isEmpty()) {
            return out;
        }
        int bodyLines = candidates.stream().mapToInt(FunctionCandidate::bodyLines).sum();
        double budget = Math.max(0, BODY_SHARE * totalLines - (totalLines - bodyLines));
        double[] weights = importanceTimesSize(candidates, query);
        double weightSum = Arrays.stream(weights).sum();
        for (int i = 0; i < out.length; i++) {
            out[i] = weightSum <= 0 ? 0 : (int) Math.min(MAX_KEPT_LINES, Math.floor(budget * weights[i] / weightSum));
        }
        return out;
    }

    /** Importance = references + public + 0.5·fan-out (+3 for a query-word match), min-max normalised; × body size. */
    static double[] importanceTimesSize(List<FunctionCandidate> candidates, String query) {
        Map<String, Integer> references = new HashMap<>();
        for (FunctionCandidate c : candidates) {
            c.calls().forEach((name, count) -> references.merge(name, count, Integer::sum));
        }
        Set<String> queryWords = new HashSet<>(Arrays.asList(query.toLowerCase(Locale.ROOT).split("[^a-z0-9_]+")));
        double[] raw = new double[candidates.size()];
        double min = Double.MAX_VALUE;
        double max = -Double.MAX_VALUE;
        for (int i = 0; i < raw.length; i++) {
            FunctionCandidate c = candidates.get(i);
            double score = references.getOrDefault(c.name(), 0) + (c.isPublic() ? 1 : 0) + 0.5 * c.calls().size();
            if (!c.name().isEmpty() && queryWords.contains(c.name().toLowerCase(Locale.ROOT))) {
                score += 3;
            }
            raw[i] = score;
            min = Math.min(min, score);
            max = Math.max(max, score);
        }
        for (int i = 0; i < raw.length; i++) {
            double norm = max > min ? (raw[i] - min) / (max - min) : 1;
            raw[i] = norm * candidates.get(i).bodyLines();
        }
        return raw;
    }
}
