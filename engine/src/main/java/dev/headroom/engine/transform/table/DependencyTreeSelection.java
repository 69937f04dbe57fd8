package dev.headroom.engine.transform.table;

import dev.headroom.engine.transform.TransformContext;
import dev.headroom.engine.transform.rows.OmittedRows;
import dev.headroom.engine.transform.text.QueryMatcher;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The dependencies of a tree that balanced mode keeps, within a character budget: the root and the
 * direct dependencies always; every version conflict ({@code omitted for conflict with}) and the
 * dependencies the question names, each with the path down to it; then the rest level by level, the
 * {@code omitted for duplicate} repeats last. A kept dependency's parent is always kept, so the indents
 * still read as the tree. One marker says how many were left out and under which direct dependencies.
 */
final class DependencyTreeSelection {

    static final int MAX_MATCHES = 20;

    private DependencyTreeSelection() {
    }

    /** The kept nodes' text followed by the marker, or null when everything fits. */
    static String select(List<DependencyTree.Node> nodes, int budget, TransformContext context) {
        int n = nodes.size();
        int[] parent = parents(nodes);
        int[] cost = new int[n];
        for (int i = 0; i < n; i++) {
            cost[i] = 2 * nodes.get(i).depth() + DependencyTreeText.lineLength(nodes.get(i)) + 1;
        }
        boolean[] keep = new boolean[n];
        int[] used = {DependencyTreeText.LEGEND.length() + 160};
        for (int i = 0; i < n; i++) {
            if (nodes.get(i).depth() <= 1 || nodes.get(i).text().contains("omitted for conflict")) {
                keepPath(i, keep, parent, cost, used);
            }
        }
        List<String> texts = new ArrayList<>(n);
        nodes.forEach(node -> texts.add(node.text()));
        double[] scores = QueryMatcher.of(context).scores(texts);
        List<Integer> matches = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            if (scores[i] > 0) {
                matches.add(i);
            }
        }
        matches.sort((a, b) -> scores[a] != scores[b] ? Double.compare(scores[b], scores[a]) : Integer.compare(a, b));
        for (int m = 0; m < Math.min(MAX_MATCHES, matches.size()); m++) {
            keepPath(matches.get(m), keep, parent, cost, used);
        }
        int maxDepth = 0;
        for (DependencyTree.Node node : nodes) {
            maxDepth = Math.max(maxDepth, node.depth());
        }
        for (int pass = 0; pass < 2; pass++) {
            for (int d = 2; d <= maxDepth; d++) {
                for (int i = 0; i < n; i++) {
                    boolean duplicate = nodes.get(i).text().contains("omitted for duplicate");
                    if (!keep[i] && nodes.get(i).depth() == d && duplicate == (pass == 1) && keep[parent[i]]
                            && used[0] + cost[i] <= budget) {
                        keep[i] = true;
                        used[0] += cost[i];
                    }
                }
            }
        }
        int omitted = 0;
        for (boolean k : keep) {
            omitted += k ? 0 : 1;
        }
        if (omitted == 0) {
            return null;
        }
        List<DependencyTree.Node> kept = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            if (keep[i]) {
                kept.add(nodes.get(i));
            }
        }
        return DependencyTreeText.encode(kept) + "\n"
                + context.marker(omitted, n - 1, "dependencies", detail(nodes, keep, parent));
    }

    private static void keepPath(int i, boolean[] keep, int[] parent, int[] cost, int[] used) {
        for (int j = i; j >= 0 && !keep[j]; j = parent[j]) {
            keep[j] = true;
            used[0] += cost[j];
        }
    }

    /** Each node's parent (the root's is -1). */
    static int[] parents(List<DependencyTree.Node> nodes) {
        int[] parent = new int[nodes.size()];
        int[] lastAtDepth = new int[nodes.size() + 1];
        for (int i = 0; i < nodes.size(); i++) {
            int d = nodes.get(i).depth();
            parent[i] = d == 0 ? -1 : lastAtDepth[d - 1];
            lastAtDepth[d] = i;
        }
        return parent;
    }

    /** {@code transitive, under spring-boot-starter-web 30, spring-boot-starter-test 17, 2 more}. */
    private static String detail(List<DependencyTree.Node> nodes, boolean[] keep, int[] parent) {
        Map<String, Integer> under = new LinkedHashMap<>();
        for (int i = 0; i < nodes.size(); i++) {
            if (keep[i]) {
                continue;
            }
            int top = i;
            while (parent[top] > 0) {
                top = parent[top];
            }
            String[] parts = nodes.get(top).text().replace("(", "").split(":");
            under.merge(parts.length > 1 ? parts[1] : parts[0], 1, Integer::sum);
        }
        List<Map.Entry<String, Integer>> biggest = new ArrayList<>(under.entrySet());
        biggest.sort((a, b) -> b.getValue() - a.getValue());
        StringBuilder sb = new StringBuilder("transitive, under ");
        for (int k = 0; k < Math.min(3, biggest.size()); k++) {
            sb.append(k > 0 ? ", " : "").append(OmittedRows.clean(biggest.get(k).getKey())).append(' ').append(biggest.get(k).getValue());
        }
        if (biggest.size() > 3) {
            sb.append(", ").append(biggest.size() - 3).append(" more");
        }
        return sb.toString();
    }
}
