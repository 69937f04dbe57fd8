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

    /** What {@code sed -n '1540,1560p' big_module.py} prints: the middle of a function, no def or import in sight. */
    static final String PYTHON_FRAGMENT = String.join("\n",
            "            if order.total < self.minimum_for_discount:",
            "                log.debug(\"order %s below minimum\", order.id)",
            "                return Decimal(\"0\")",
            "            tier = customer.tier",
            "            # GOLD and SILVER are stored upper-case",
            "            rate = self.rates.get(tier, Decimal(\"0\"))",
            "            for line in order.lines:",
            "                if line.sku in self.excluded:",
            "                    continue",
            "                discount += line.price * rate",
            "            self._cache[order.id] = discount",
            "            return discount.quantize(CENTS)",
            "",
            "        except KeyError as missing:",
            "            raise PricingError(f\"unknown tier {missing}\") from missing",
            "        finally:",
            "            self.metrics.timing(\"pricing.discount\", started)",
            "");

    /** {@code head -n 20 OrderService.java} cut in a class body, and a TypeScript piece. */
    static final String JAVA_FRAGMENT = String.join("\n",
            "        BigDecimal total = order.lines().stream()",
            "                .map(OrderLine::price)",
            "                .reduce(BigDecimal.ZERO, BigDecimal::add);",
            "        if (total.compareTo(MINIMUM_FOR_DISCOUNT) < 0) {",
            "            return BigDecimal.ZERO;",
            "        }",
            "        switch (tier) {",
            "            case \"GOLD\":",
            "                return total.multiply(GOLD_RATE);",
            "            default:",
            "                return BigDecimal.ZERO;",
            "        }",
            "    }",
            "");

    static final String TS_FRAGMENT = String.join("\n",
            "  const [orders, setOrders] = useState<Order[]>([]);",
            "  useEffect(() => {",
            "    fetchOrders(customerId)",
            "      .then((rows) => setOrders(rows.filter((o) => o.status !== 'CANCELLED')))",
            "      .catch((err) => console.error(err));",
            "  }, [customerId]);",
            "",
            "  return (",
            "    <Table rows={orders} onSelect={(id) => navigate(`/orders/${id}`)} />",
            "  );",
            "}",
            "");

    @Test
    void codeFragmentsThatStartMidFunction() {
        assertEquals(ContentType.CODE, ContentDetector.detect(PYTHON_FRAGMENT));
        assertEquals(ContentType.CODE, ContentDetector.detect(JAVA_FRAGMENT));
        assertEquals(ContentType.CODE, ContentDetector.detect(TS_FRAGMENT));
        String numbered = PYTHON_FRAGMENT.lines().map(l -> "  1540\t" + l).reduce("", (a, b) -> a + b + "\n");
        assertEquals(ContentType.CODE, ContentDetector.detect(numbered), "cat -n");
    }

    @Test
    void configAndProseAreNotCode() {
        String yaml = String.join("\n", "apiVersion: v1", "kind: Pod", "metadata:", "  name: orders-api-7d9f", "  labels:",
                "    app: orders-api", "spec:", "  containers:", "  - name: api", "    image: acme/orders:1.4.2", "    ports:",
                "    - containerPort: 8080", "");
        assertTrue(ContentDetector.detect(yaml) != ContentType.CODE, "yaml");
        String prose = String.join("\n", "The release is scheduled for Friday.", "If the canary holds for two hours we roll out",
                "to every region; otherwise we roll back and file an incident.", "For questions ask in #release.", "");
        assertTrue(ContentDetector.detect(prose) != ContentType.CODE, "prose");
        String plan = String.join("\n", "aws_vpc.main: Refreshing state... [id=vpc-0a1b2c3d]",
                "aws_db_instance.orders: Refreshing state... [id=orders-db]", "",
                "Terraform will perform the following actions:", "",
                "  # aws_db_instance.orders will be updated in-place", "  ~ resource \"aws_db_instance\" \"orders\" {",
                "      ~ engine_version          = \"15.8\" -> \"16.3\"", "        id                      = \"orders-db\"",
                "      ~ parameter_group_name    = \"pg15\" -> \"pg16\"", "        # (42 unchanged attributes hidden)", "    }", "",
                "  # aws_db_instance.replica[0] will be created", "  + resource \"aws_db_instance\" \"replica\" {",
                "      + allocated_storage = 800", "      + engine_version    = \"16.3\"", "    }", "",
                "Plan: 1 to add, 1 to change, 0 to destroy.", "");
        assertTrue(ContentDetector.detect(plan) != ContentType.CODE, "terraform plan");
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
