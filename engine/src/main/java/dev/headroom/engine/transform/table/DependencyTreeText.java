package dev.headroom.engine.transform.table;

import java.util.ArrayList;
import java.util.List;

/**
 * Writes a Maven dependency tree without its log prefix and drawing:
 * <pre>
 * [dependency tree: 2 spaces per level]
 * com.acme:orders-service:jar:1.4.0-SNAPSHOT
 *   org.springframework.boot:spring-boot-starter-web:jar:3.3.0:compile
 *     (org.slf4j:slf4j-api:jar:1.7.36:compile - omitted for conflict with 2.0.13)
 *   org.postgresql:postgresql:jar:42.7.3:runtime
 * </pre>
 * Grammar: after the {@link #LEGEND} line, one line per dependency, indented by two spaces per depth (the root has
 * none), holding Maven's text for it as Maven wrote it. The drawing follows from the depths
 * ({@link DependencyTree#draw}), so {@link #decode} gives back every original line. Coordinates stay whole, with
 * their packaging and scope: they are the facts an agent quotes and searches for ({@code jackson-databind:jar:2.15.2});
 * a shorter form without {@code :jar} and {@code :compile} saved more but made them unfindable.
 */
final class DependencyTreeText {

    static final String LEGEND = "[dependency tree: 2 spaces per level]";

    private DependencyTreeText() {
    }

    /** The tree's text. */
    static String encode(List<DependencyTree.Node> nodes) {
        StringBuilder sb = new StringBuilder(LEGEND);
        for (DependencyTree.Node node : nodes) {
            sb.append('\n').append("  ".repeat(node.depth())).append(node.text());
        }
        return sb.toString();
    }

    /** The length of one node's line in {@link #encode}'s text, without its indentation. */
    static int lineLength(DependencyTree.Node node) {
        return node.text().length();
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
            nodes.add(new DependencyTree.Node(spaces / 2, l.substring(spaces)));
        }
        return DependencyTree.draw(nodes, prefix);
    }
}
