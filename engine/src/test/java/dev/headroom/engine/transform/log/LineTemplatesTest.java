package dev.headroom.engine.transform.log;

import dev.headroom.engine.CompressionMode;
import dev.headroom.engine.ccr.ContentHash;
import dev.headroom.engine.support.Samples;
import dev.headroom.engine.tokens.JtokkitCounter;
import dev.headroom.engine.transform.TransformContext;
import dev.headroom.engine.transform.TransformResult;
import dev.headroom.engine.transform.text.Lines;
import dev.headroom.engine.transform.text.TextNormalizer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LineTemplatesTest {

    static Stream<String> samples() {
        return BuildLogSamplesTest.samples();
    }

    @Test
    void cargoTestLinesBecomeOneTemplateAndTheirNames() {
        List<String> names = List.of("applies_gold_discount", "applies_silver_discount", "backorders_when_empty",
                "caps_coupon_value", "formats_eur", "formats_gbp", "formats_usd", "parses_cents", "parses_plain", "refunds_full",
                "refunds_partial", "rounds_down");
        List<String> lines = new ArrayList<>(List.of("running 13 tests"));
        names.forEach(name -> lines.add("test tests::" + name + " ... ok"));
        lines.add("test tests::overflow_panics ... FAILED");
        List<String> expected = new ArrayList<>(List.of("running 13 tests", "[next line x12, {} filled from the rows after it:]",
                "test tests::{} ... ok"));
        expected.addAll(names);
        expected.add("test tests::overflow_panics ... FAILED");
        List<String> folded = LineTemplates.fold(lines);
        assertEquals(expected, folded);
        assertEquals(lines, LineTemplates.unfold(folded));
    }

    @Test
    void mavenTestClassPairsShareTheirPrefixSuffixAndRepeatTheClassName() {
        List<String> lines = List.of(
                "[INFO] Running com.acme.orders.InvoiceServiceTest",
                "[INFO] Tests run: 3, Failures: 0, Errors: 0, Skipped: 0, Time elapsed: 0.295 s -- in com.acme.orders.InvoiceServiceTest",
                "[INFO] Running com.acme.orders.AuditServiceTest",
                "[INFO] Tests run: 3, Failures: 0, Errors: 0, Skipped: 0, Time elapsed: 0.022 s -- in com.acme.orders.AuditServiceTest",
                "[INFO] Running com.acme.orders.StockServiceTest",
                "[INFO] Tests run: 4, Failures: 0, Errors: 0, Skipped: 0, Time elapsed: 0.020 s -- in com.acme.orders.StockServiceTest",
                "[INFO] Running com.acme.orders.TaxServiceTest",
                "[INFO] Tests run: 3, Failures: 0, Errors: 0, Skipped: 0, Time elapsed: 0.029 s -- in com.acme.orders.TaxServiceTest");
        List<String> folded = LineTemplates.fold(lines);
        assertEquals(List.of("[next 2 lines x4, {} filled from the rows after them:]",
                "[INFO] Running com.acme.orders.{}ServiceTest",
                "[INFO] Tests run: {}, Failures: 0, Errors: 0, Skipped: 0, Time elapsed: {} s -- in com.acme.orders.{1}ServiceTest",
                "Invoice 3 0.295", "Audit 3 0.022", "Stock 4 0.020", "Tax 3 0.029"), folded);
        assertEquals(lines, LineTemplates.unfold(folded));
    }

    @Test
    void refusesTextThatAlreadyHoldsAHeaderAndLeavesBracesAndShortRunsAlone() {
        List<String> spoofed = List.of("[next line x2, {} filled from the rows after it:]", "test a ... ok", "test b ... ok",
                "test c ... ok", "test d ... ok");
        assertSame(spoofed, LineTemplates.fold(spoofed));
        List<String> braces = List.of("render {} a", "render {} b", "render {} c", "render {} d");
        assertSame(braces, LineTemplates.fold(braces));
        List<String> two = List.of("test tests::a ... ok", "test tests::b ... ok");
        assertSame(two, LineTemplates.fold(two));
        List<String> prose = List.of("the cat sat", "a dog ran", "one bird flew", "two fish swam");
        assertSame(prose, LineTemplates.fold(prose), "nothing shared: a template would not pay");
    }

    @Test
    void sharedPrefixesAndSuffixesAreCutOnlyAtWordBoundaries() {
        List<String> requests = List.of("GET /api/orders 200", "PUT /api/stock 204", "POST /actuator/health 200", "GET /api/cart 304");
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            String[] r = requests.get(i % 4).split(" ");
            lines.add("INFO  [http-nio-8080-exec-1] c.a.o.api.RequestLog - " + r[0] + " " + r[1] + " status=" + r[2] + " duration_ms=" + (10 + i));
        }
        List<String> folded = LineTemplates.fold(lines);
        assertTrue(folded.contains("INFO  [http-nio-8080-exec-1] c.a.o.api.RequestLog - {} /{} status={} duration_ms={}"),
                "GET, PUT and POST stay whole, /api is no shared prefix of actuator: " + folded);
        assertTrue(folded.contains("GET api/orders 200 10"), folded.toString());
        assertEquals(lines, LineTemplates.unfold(folded));
    }

    @ParameterizedTest
    @MethodSource("samples")
    void everySampleDecodesBackExactly(String name) {
        String text = Samples.read("build/" + name);
        TransformContext lossless = new TransformContext(CompressionMode.LOSSLESS, true, "", ContentHash.of(text), "", 6000);
        TransformResult r = new LogCompressor().compress(text, lossless);
        if (r != null) {
            assertEquals(TextNormalizer.normalize(text), LosslessLogs.decode(r), name);
        }
    }

    @Test
    void randomRunsDecodeBack() {
        Random random = new Random(7);
        String[] words = {"ok", "FAILED", "a", "b", "0.1", "12", "x.y.Z", "a/b/c", "tests::t", "--", "[x2]"};
        String[] seps = {" ", ", ", " (", ") ", " | ", "\t", " = ", "  "};
        for (int round = 0; round < 300; round++) {
            List<String> lines = new ArrayList<>();
            int n = random.nextInt(40);
            String shape = null;
            for (int i = 0; i < n; i++) {
                if (shape == null || random.nextInt(6) == 0) {
                    StringBuilder sb = new StringBuilder();
                    for (int w = 0; w < 1 + random.nextInt(5); w++) {
                        sb.append(seps[random.nextInt(seps.length)]).append('%');
                    }
                    shape = sb.toString();
                }
                StringBuilder line = new StringBuilder();
                for (char c : shape.toCharArray()) {
                    line.append(c == '%' ? words[random.nextInt(words.length)] : String.valueOf(c));
                }
                lines.add(line.toString());
            }
            List<String> folded = LineTemplates.fold(lines);
            assertEquals(lines, LineTemplates.unfold(folded), "round " + round + ": " + lines);
        }
    }

    @Test
    void paysInTokens() {
        JtokkitCounter cl100k = JtokkitCounter.cl100k();
        for (String name : List.of("maven-success.txt", "cargo-test-failure.txt", "pytest-verbose-failure.txt",
                "go-test-verbose-failure.txt")) {
            String text = TextNormalizer.normalize(Samples.read("build/" + name));
            List<String> lines = Lines.of(text).lines();
            String folded = Lines.join(LineTemplates.fold(lines), true);
            assertTrue(cl100k.count(folded) < cl100k.count(text) * 0.9, name + ": " + cl100k.count(text) + " -> " + cl100k.count(folded));
        }
    }
}
