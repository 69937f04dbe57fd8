package dev.headroom.engine.transform.table;

import java.util.ArrayList;
import java.util.List;

/**
 * Finds the trees {@code mvn dependency:tree} prints inside Maven's log lines:
 * <pre>
 * [INFO] com.acme:orders-service:jar:1.4.0-SNAPSHOT
 * [INFO] +- org.springframework.boot:spring-boot-starter-web:jar:3.3.0:compile
 * [INFO] |  \- org.yaml:snakeyaml:jar:2.2:compile
 * [INFO] \- org.postgresql:postgresql:jar:42.7.3:runtime
 * </pre>
 * A root coordinate line, then lines drawn with 3-character units ({@code |  } or three spaces per open
 * level, then {@code +- } or {@code \- }), each line with the same prefix ({@code [INFO] } or none, as
 * {@code -DoutputFile} writes). A tree is accepted only when redrawing it from its depths gives back every
 * line, so the indent form {@link DependencyTreeText} writes loses nothing.
 */
final class DependencyTree {

    static final String PREFIX = "[INFO] ";
    static final int MIN_NODES = 3;

    /** One dependency: its depth (the root is 0) and its text after the drawing. */
    record Node(int depth, String text) {
    }

    /** Lines {@code from} to {@code to} (exclusive) hold one tree, every line starting with {@code prefix}. */
    record Span(int from, int to, String prefix, List<Node> nodes) {
    }

    private DependencyTree() {
    }

    static List<Span> find(List<String> lines) {
        List<Span> out = new ArrayList<>();
        int i = 0;
        while (i < lines.size() - 1) {
            String line = lines.get(i);
            String prefix = line.startsWith(PREFIX) ? PREFIX : "";
            if (isCoordinate(line.substring(prefix.length())) && depth(lines.get(i + 1), prefix) == 1) {
                Span span = tree(lines, i, prefix);
                if (span != null) {
                    out.add(span);
                    i = span.to();
                    continue;
                }
            }
            i++;
        }
        return out;
    }

    /** The number of tree lines in {@code lines} (for the head-only detection). */
    static int treeLines(List<String> lines) {
        int n = 0;
        for (String l : lines) {
            if (depth(l, l.startsWith(PREFIX) ? PREFIX : "") > 0) {
                n++;
            }
        }
        return n;
    }

    private static Span tree(List<String> lines, int root, String prefix) {
        List<Node> nodes = new ArrayList<>();
        nodes.add(new Node(0, lines.get(root).substring(prefix.length())));
        int i = root + 1;
        for (; i < lines.size(); i++) {
            int d = depth(lines.get(i), prefix);
            if (d <= 0 || d > nodes.get(nodes.size() - 1).depth() + 1) {
                break;
            }
            nodes.add(new Node(d, lines.get(i).substring(prefix.length() + 3 * d)));
        }
        if (nodes.size() < MIN_NODES) {
            return null;
        }
        List<String> drawn = draw(nodes, prefix);
        for (int k = 0; k < drawn.size(); k++) {
            if (!drawn.get(k).equals(lines.get(root + k))) {
                return null; // cut short or drawn otherwise: keep it as it is
            }
        }
        return new Span(root, i, prefix, nodes);
    }

    /** The depth of a tree line ({@code +- } or {@code \- } after whole units), 0 when it is none. */
    static int depth(String line, String prefix) {
        if (!line.startsWith(prefix)) {
            return 0;
        }
        int p = prefix.length();
        int units = 0;
        while (line.startsWith("|  ", p) || line.startsWith("   ", p)) {
            p += 3;
            units++;
        }
        boolean branch = line.startsWith("+- ", p) || line.startsWith("\\- ", p);
        return branch && p + 3 < line.length() && line.charAt(p + 3) != ' ' ? units + 1 : 0;
    }

    /** {@code group:artifact:...} with no spaces: a tree's root. */
    static boolean isCoordinate(String s) {
        int colons = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == ':') {
                colons++;
            } else if (!Character.isLetterOrDigit(c) && c != '.' && c != '-' && c != '_') {
                return false;
            }
        }
        return colons >= 3 && Character.isLetter(s.isEmpty() ? ' ' : s.charAt(0));
    }

    /** The lines Maven draws for {@code nodes}: {@code \- } for a last child, {@code |  } under an open level. */
    static List<String> draw(List<Node> nodes, String prefix) {
        int n = nodes.size();
        boolean[] last = new boolean[n];
        for (int i = 0; i < n; i++) {
            int d = nodes.get(i).depth();
            last[i] = true;
            for (int j = i + 1; j < n && nodes.get(j).depth() >= d; j++) {
                if (nodes.get(j).depth() == d) {
                    last[i] = false;
                    break;
                }
            }
        }
        List<String> out = new ArrayList<>(n);
        int[] open = new int[64];
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < n; i++) {
            int d = nodes.get(i).depth();
            sb.setLength(0);
            sb.append(prefix);
            for (int level = 1; level < d; level++) {
                sb.append(level < open.length && open[level] == 1 ? "|  " : "   ");
            }
            if (d > 0) {
                sb.append(last[i] ? "\\- " : "+- ");
                if (d < open.length) {
                    open[d] = last[i] ? 0 : 1;
                }
            }
            out.add(sb.append(nodes.get(i).text()).toString());
        }
        return out;
    }
}
