package dev.headroom.engine.transform.search;

import dev.headroom.engine.transform.TransformContext;
import dev.headroom.engine.transform.text.QueryMatcher;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The balanced choice for search results: per file the first and last match and the best-scoring ones
 * (query terms, error and todo keywords), their adjacent context lines, and at most a number of files,
 * the best first. Rendered grouped by file; each file's left-out rows and the left-out files get markers
 * with exact counts.
 */
final class SearchSelector {

    /** Matches kept per file and files kept, loosest first. */
    static final int[][] LIMITS = {{5, 15}, {3, 10}, {2, 8}, {1, 5}};
    private static final int MAX_OTHER_LINES = 10;

    private SearchSelector() {
    }

    /** Hits grouped by file in order of first appearance, plus the lines that are not hits. */
    record Parsed(Map<String, List<GrepHit>> files, List<String> other) {
        int hitCount() {
            int n = 0;
            for (List<GrepHit> h : files.values()) {
                n += h.size();
            }
            return n;
        }
    }

    static Parsed parse(List<String> lines) {
        Map<String, List<GrepHit>> files = new LinkedHashMap<>();
        List<String> other = new ArrayList<>();
        String previous = null;
        String heading = null;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            GrepHit hit = GrepHit.parse(line, previous);
            if (hit == null && heading != null) {
                GrepHit row = GrepHit.parseHeadingRow(line);
                hit = row == null ? null : new GrepHit(heading, row.sep(), row.lineNo(), row.content());
            }
            if (hit == null && GrepHit.looksLikePath(line) && i + 1 < lines.size()
                    && GrepHit.parseHeadingRow(lines.get(i + 1)) != null) {
                heading = line;
                continue;
            }
            if (hit != null) {
                files.computeIfAbsent(hit.path(), k -> new ArrayList<>()).add(hit);
                previous = hit.path();
            } else if (!line.isBlank() && !line.equals("--")) {
                other.add(line);
            }
        }
        return new Parsed(files, other);
    }

    /** Each hit's relevance: BM25/anchors against the question plus keyword weights (identity-keyed). */
    static Map<GrepHit, Double> scores(Parsed parsed, QueryMatcher query) {
        List<GrepHit> all = new ArrayList<>();
        parsed.files().values().forEach(all::addAll);
        double[] relevance = new double[all.size()];
        if (!query.isEmpty()) {
            List<String> docs = new ArrayList<>(all.size());
            for (GrepHit h : all) {
                docs.add(h.path() + " " + h.content());
            }
            relevance = query.scores(docs);
        }
        Map<GrepHit, Double> out = new java.util.IdentityHashMap<>();
        for (int i = 0; i < all.size(); i++) {
            out.put(all.get(i), relevance[i] + keywordScore(all.get(i)));
        }
        return out;
    }

    static String render(Parsed parsed, Map<GrepHit, Double> scores, int perFile, int maxFiles, TransformContext context) {
        java.util.Set<String> paths = new java.util.HashSet<>(rankFiles(parsed, scores, perFile, maxFiles));
        StringBuilder sb = new StringBuilder();
        int others = parsed.other().size();
        for (int i = 0; i < Math.min(others, MAX_OTHER_LINES); i++) {
            sb.append(parsed.other().get(i)).append('\n');
        }
        if (others > MAX_OTHER_LINES) {
            sb.append(context.marker(others - MAX_OTHER_LINES, "lines")).append('\n');
        }
        int droppedFiles = 0;
        int droppedMatches = 0;
        for (Map.Entry<String, List<GrepHit>> e : parsed.files().entrySet()) {
            List<GrepHit> hits = e.getValue();
            if (!paths.contains(e.getKey())) {
                droppedFiles++;
                droppedMatches += hits.size();
                continue;
            }
            boolean[] keep = keepInFile(hits, scores, perFile);
            sb.append(e.getKey()).append('\n');
            int omittedMatches = 0;
            int omittedContext = 0;
            for (int k = 0; k < hits.size(); k++) {
                if (keep[k]) {
                    sb.append(SearchGrouping.row(hits.get(k))).append('\n');
                } else if (hits.get(k).isMatch()) {
                    omittedMatches++;
                } else {
                    omittedContext++;
                }
            }
            if (omittedMatches > 0 || omittedContext > 0) {
                String unit = omittedContext == 0 ? "matches" : "matches and " + omittedContext + " context lines";
                sb.append("  ").append(context.marker(omittedMatches, unit)).append('\n');
            }
        }
        if (droppedFiles > 0) {
            sb.append(context.marker(droppedMatches, "rows in " + droppedFiles + " more files")).append('\n');
        }
        return sb.toString();
    }

    /** The files to show: the best {@code maxFiles} by the score of their best matches, ties by order. */
    private static List<String> rankFiles(Parsed parsed, Map<GrepHit, Double> scores, int perFile, int maxFiles) {
        List<String> paths = new ArrayList<>(parsed.files().keySet());
        if (paths.size() <= maxFiles) {
            return paths;
        }
        Map<String, Double> score = new LinkedHashMap<>();
        for (Map.Entry<String, List<GrepHit>> e : parsed.files().entrySet()) {
            List<Double> s = new ArrayList<>();
            for (GrepHit h : e.getValue()) {
                s.add(scores.get(h));
            }
            s.sort(Comparator.reverseOrder());
            double total = 0;
            for (int k = 0; k < Math.min(perFile, s.size()); k++) {
                total += s.get(k);
            }
            score.put(e.getKey(), total);
        }
        Map<String, Integer> order = new java.util.HashMap<>();
        for (int i = 0; i < paths.size(); i++) {
            order.put(paths.get(i), i);
        }
        List<String> ranked = new ArrayList<>(paths);
        ranked.sort(Comparator.comparingDouble((String p) -> -score.get(p)).thenComparingInt(order::get));
        return ranked.subList(0, maxFiles);
    }

    private static boolean[] keepInFile(List<GrepHit> hits, Map<GrepHit, Double> scores, int perFile) {
        boolean[] keep = new boolean[hits.size()];
        List<Integer> matches = new ArrayList<>();
        for (int k = 0; k < hits.size(); k++) {
            if (hits.get(k).isMatch()) {
                matches.add(k);
            }
        }
        if (matches.isEmpty()) {
            return keep;
        }
        keep[matches.get(0)] = true;
        int kept = 1;
        if (perFile > 1 && matches.size() > 1) {
            keep[matches.get(matches.size() - 1)] = true;
            kept++;
        }
        List<Integer> byScore = new ArrayList<>(matches);
        byScore.sort(Comparator.comparingDouble((Integer k) -> -scores.get(hits.get(k))).thenComparingInt(k -> k));
        for (int k : byScore) {
            if (kept >= perFile) {
                break;
            }
            if (!keep[k]) {
                keep[k] = true;
                kept++;
            }
        }
        for (int k = 0; k < hits.size(); k++) {
            if (!hits.get(k).isMatch() && (neighbourKept(hits, keep, k, k - 1) || neighbourKept(hits, keep, k, k + 1))) {
                keep[k] = true;
            }
        }
        return keep;
    }

    private static boolean neighbourKept(List<GrepHit> hits, boolean[] keep, int k, int neighbour) {
        if (neighbour < 0 || neighbour >= hits.size() || !keep[neighbour] || !hits.get(neighbour).isMatch()) {
            return false;
        }
        long a = Long.parseLong(hits.get(k).lineNo());
        long b = Long.parseLong(hits.get(neighbour).lineNo());
        return Math.abs(a - b) == 1;
    }

    private static double keywordScore(GrepHit hit) {
        String c = hit.content().toLowerCase(Locale.ROOT);
        double s = 0;
        if (c.contains("error") || c.contains("exception") || c.contains("fail") || c.contains("panic")) {
            s += 0.5;
        } else if (c.contains("warn") || c.contains("deprecat")) {
            s += 0.4;
        }
        if (c.contains("todo") || c.contains("fixme") || c.contains("bug") || c.contains("hack") || c.contains("xxx")) {
            s += 0.3;
        }
        return s;
    }
}
