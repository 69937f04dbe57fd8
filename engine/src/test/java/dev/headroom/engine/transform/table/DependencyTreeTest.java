package dev.headroom.engine.transform.table;

import dev.headroom.engine.CompressionMode;
import dev.headroom.engine.ccr.ContentHash;
import dev.headroom.engine.transform.ContentDetector;
import dev.headroom.engine.transform.ContentType;
import dev.headroom.engine.transform.TransformContext;
import dev.headroom.engine.transform.TransformResult;
import dev.headroom.engine.transform.log.LogGenerators;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** mvn dependency:tree: the indent form gives back Maven's lines; balanced keeps direct deps, conflicts and what is asked. */
class DependencyTreeTest {

    private static final String TREE = BuildSamples.dependencyTree();

    @Test
    void detectedAsATableButAMavenBuildIsNot() {
        assertEquals(ContentType.TABLE, ContentDetector.detect(TREE));
        assertNotEquals(ContentType.TABLE, ContentDetector.detect(LogGenerators.mavenBuild(300, 3)));
    }

    @Test
    void indentFormDecodesToMavensLines() {
        List<String> lines = TableOutputs.lines(TREE);
        List<DependencyTree.Span> spans = DependencyTree.find(lines);
        assertEquals(1, spans.size());
        DependencyTree.Span span = spans.get(0);
        assertEquals(99, span.nodes().size());
        String text = DependencyTreeText.encode(span.nodes());
        assertNotNull(text);
        assertEquals(lines.subList(span.from(), span.to()), DependencyTreeText.decode(text, "[INFO] "));
        assertTrue(text.contains("\n    (org.slf4j:slf4j-api:jar:1.7.36:compile - omitted for conflict with 2.0.13)\n"), text);
        assertTrue(text.contains("\n      org.antlr:antlr4-runtime:jar:4.13.0:compile (version managed from 4.10.1)\n"), text);
        assertTrue(text.contains("\n  org.projectlombok:lombok:jar:1.18.32:provided\n"), text);
    }

    @Test
    void randomTreesRoundTrip() {
        Random random = new Random(42);
        String[] types = {"jar", "jar", "jar", "pom", "war", "test-jar"};
        String[] scopes = {"compile", "compile", "runtime", "test", "provided", "system", "import"};
        for (int t = 0; t < 200; t++) {
            List<DependencyTree.Node> nodes = new ArrayList<>();
            nodes.add(new DependencyTree.Node(0, "com.acme:app:" + types[random.nextInt(3)] + ":1." + t));
            int n = 3 + random.nextInt(40);
            for (int i = 1; i < n; i++) {
                int depth = 1 + random.nextInt(nodes.get(i - 1).depth() + 1);
                String classifier = random.nextInt(8) == 0 ? "linux-x86_64:" : "";
                String coords = "org.g" + i + ":a-" + i + ":" + types[random.nextInt(types.length)] + ":" + classifier + i + ".0:"
                        + scopes[random.nextInt(scopes.length)];
                String text = switch (random.nextInt(5)) {
                    case 0 -> "(" + coords + " - omitted for duplicate)";
                    case 1 -> "(" + coords + " - omitted for conflict with 9.9)";
                    case 2 -> coords + " (version managed from 0." + i + ")";
                    default -> coords;
                };
                nodes.add(new DependencyTree.Node(depth, text));
            }
            for (String prefix : List.of("[INFO] ", "")) {
                List<String> drawn = DependencyTree.draw(nodes, prefix);
                List<DependencyTree.Span> found = DependencyTree.find(drawn);
                assertEquals(1, found.size(), String.join("\n", drawn));
                assertEquals(nodes, found.get(0).nodes());
                assertEquals(drawn, DependencyTreeText.decode(DependencyTreeText.encode(nodes), prefix));
            }
        }
    }

    @Test
    void aTreeCutShortOrDrawnOtherwiseStaysAsItIs() {
        List<String> lines = new ArrayList<>(TableOutputs.lines(TREE));
        lines.set(12, lines.get(12).replace("\\- ", "+- "));
        assertTrue(DependencyTree.find(lines.subList(8, 20)).isEmpty());
    }

    @Test
    void balancedKeepsDirectDependenciesConflictsAndTheAskedOne() {
        TransformContext ctx = new TransformContext(CompressionMode.BALANCED, false, "which jackson-databind version do we get?",
                ContentHash.of(TREE), "", 2000);
        TransformResult r = new TableCompressor().compress(TREE, ctx);
        assertTrue(r.lossy());
        assertEquals("table.deptree+table.deptree.select", r.transform());
        String out = r.text();
        assertTrue(out.contains("\n    (org.slf4j:slf4j-api:jar:1.7.36:compile - omitted for conflict with 2.0.13)\n"), out);
        assertTrue(out.contains("\n      com.fasterxml.jackson.core:jackson-databind:jar:2.17.1:compile\n"), out);
        assertTrue(out.contains("\n    org.springframework.boot:spring-boot-starter-json:jar:3.3.0:compile\n"), "its parent: " + out);
        assertTrue(out.contains("\n  org.testcontainers:postgresql:jar:1.19.8:test\n"), "every direct dependency");
        String legendAndAfter = out.substring(out.indexOf(DependencyTreeText.LEGEND));
        String tree = legendAndAfter.substring(0, legendAndAfter.indexOf("\n[headroom: "));
        int kept = tree.split("\n").length - 2;
        String marker = legendAndAfter.substring(legendAndAfter.indexOf("[headroom: "));
        assertTrue(marker.startsWith("[headroom: " + (98 - kept) + " of 98 dependencies omitted (transitive, under "), marker);
        assertTrue(marker.contains("headroom_retrieve hash=" + ctx.originalHash()));
        assertTrue(out.length() < 2600, String.valueOf(out.length()));
        assertEquals(out, new TableCompressor().compress(TREE, ctx).text(), "deterministic");
    }

    @Test
    void losslessModeOnlyReencodes() {
        TransformContext ctx = new TransformContext(CompressionMode.LOSSLESS, true, "", ContentHash.of(TREE), "", 2000);
        TransformResult r = new TableCompressor().compress(TREE, ctx);
        assertEquals("table.deptree", r.transform());
        assertTrue(r.text().startsWith("[INFO] Scanning for projects...\n"));
        assertTrue(r.text().endsWith("[INFO] BUILD SUCCESS\n[INFO] ------------------------------------------------------------------------\n"
                + "[INFO] Total time:  1.874 s\n[INFO] Finished at: 2024-12-03T11:40:12Z\n"
                + "[INFO] ------------------------------------------------------------------------\n"));
    }
}
