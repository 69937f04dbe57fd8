package dev.headroom.engine.transform;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.headroom.engine.support.Corpus;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ContentDetectorTest {

    @Test
    void json() {
        assertEquals(ContentType.JSON, ContentDetector.detect("  [{\"id\":1},{\"id\":2}]"));
        assertEquals(ContentType.JSON, ContentDetector.detect("{\n  \"a\": 1\n}"));
        assertEquals(ContentType.JSON, ContentDetector.detect("[1, 2, 3]"));
    }

    @Test
    void bracketedLogLinesAreNotJson() {
        String maven = "[INFO] Scanning for projects...\n[INFO] Building demo 1.0\n[ERROR] Tests run: 3, Failures: 1\n";
        assertEquals(ContentType.LOG, ContentDetector.detect(maven));
        String stamped = "[2024-05-01 12:00:01] INFO started\n[2024-05-01 12:00:02] WARN slow\n[2024-05-01 12:00:03] INFO ok\n";
        assertEquals(ContentType.LOG, ContentDetector.detect(stamped));
    }

    @Test
    void diff() {
        String d = "diff --git a/x.py b/x.py\nindex 1..2 100644\n--- a/x.py\n+++ b/x.py\n@@ -1,2 +1,2 @@\n-a\n+b\n c\n";
        assertEquals(ContentType.DIFF, ContentDetector.detect(d));
        String log = "commit abc\nAuthor: A <a@b>\n\n    msg\n\ndiff --git a/x b/x\n--- a/x\n+++ b/x\n@@ -1 +1 @@\n-a\n+b\n";
        assertEquals(ContentType.DIFF, ContentDetector.detect(log));
    }

    @Test
    void grepAndRipgrep() {
        String grep = "src/main/java/A.java:12:    private final Foo foo;\nsrc/main/java/B.java:40:        foo.bar();\n"
                + "src/main/java/B.java-41-        return;\n--\nsrc/test/C.java:7:import Foo;\n";
        assertEquals(ContentType.SEARCH, ContentDetector.detect(grep));
        String heading = "src/a.rs\n12:fn main() {\n14:    let x = 1;\n\nsrc/b.rs\n3:use std::io;\n";
        assertEquals(ContentType.SEARCH, ContentDetector.detect(heading));
    }

    @Test
    void timestampedLogsAreNotSearchResults() {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 50; i++) {
            sb.append("2024-05-01T12:00:").append(10 + i).append(".123Z INFO  [main] c.a.Service - handled request ").append(i).append('\n');
        }
        assertEquals(ContentType.LOG, ContentDetector.detect(sb.toString()));
        assertEquals(ContentType.LOG, ContentDetector.detect("12:00:01 INFO a\n12:00:02 INFO b\n12:00:03 ERROR c\n"));
    }

    @Test
    void stackTraceIsLog() {
        String t = "Exception in thread \"main\" java.lang.IllegalStateException: boom\n\tat a.B.c(B.java:1)\n\tat a.B.d(B.java:2)\n";
        assertEquals(ContentType.LOG, ContentDetector.detect(t));
    }

    @Test
    void codeHtmlAndText() {
        String java = "package a;\n\nimport java.util.List;\n\npublic class A {\n    private int x;\n    public int x() {\n        return x;\n    }\n}\n";
        assertEquals(ContentType.CODE, ContentDetector.detect(java));
        assertEquals(ContentType.HTML, ContentDetector.detect("<!DOCTYPE html>\n<html><body><p>x</p></body></html>"));
        assertEquals(ContentType.TEXT, ContentDetector.detect("The quick brown fox jumps over the lazy dog.\nAnd then it slept."));
        assertEquals(ContentType.TEXT, ContentDetector.detect("   \n\t \n"));
        assertEquals(ContentType.TEXT, ContentDetector.detect(""));
    }

    @Test
    void looksOnlyAtTheHead() {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 300; i++) {
            sb.append("Some prose sentence number ").append(i).append(" that says nothing in particular.\n");
        }
        sb.append("diff --git a/x b/x\n--- a/x\n+++ b/x\n@@ -1 +1 @@\n-a\n+b\n");
        assertEquals(ContentType.TEXT, ContentDetector.detect(sb.toString()));
    }

    /** The reference's labels mapped to ours; its tabular label has no counterpart here. */
    private static final Map<String, ContentType> REFERENCE = Map.of("json_array", ContentType.JSON, "source_code",
            ContentType.CODE, "build", ContentType.LOG, "search", ContentType.SEARCH, "diff", ContentType.DIFF, "html",
            ContentType.HTML, "text", ContentType.TEXT);

    @Test
    void parityWithTheReferenceFixtures() throws IOException {
        Path shared = Corpus.sharedCorpus();
        Assumptions.assumeTrue(shared != null, "../shared corpus absent");
        Path dir = shared.resolve("tests/parity/fixtures/content_detector");
        Assumptions.assumeTrue(Files.isDirectory(dir), "content_detector fixtures absent");
        ObjectMapper mapper = new ObjectMapper();
        List<Path> files;
        try (Stream<Path> s = Files.list(dir)) {
            files = s.filter(p -> p.toString().endsWith(".json")).sorted().toList();
        }
        int agree = 0;
        List<String> disagreements = new ArrayList<>();
        for (Path f : files) {
            JsonNode n = mapper.readTree(f.toFile());
            String input = n.get("input").asText();
            String label = n.get("output").get("content_type").asText();
            ContentType expected = REFERENCE.getOrDefault(label, ContentType.TEXT);
            ContentType actual = ContentDetector.detect(input);
            if (expected == actual) {
                agree++;
            } else {
                disagreements.add(f.getFileName() + " reference=" + label + " ours=" + actual.label());
            }
        }
        System.out.printf("content_detector parity: %d/%d agree%n", agree, files.size());
        disagreements.forEach(d -> System.out.println("  differs: " + d));
        assertTrue(files.size() > 0);
        assertTrue(agree * 10 >= files.size() * 8, "agreement below 80%: " + disagreements);
    }
}
