package dev.headroom.engine.transform.table;

import dev.headroom.engine.CompressionMode;
import dev.headroom.engine.transform.Compressor;
import dev.headroom.engine.transform.ContentDetector;
import dev.headroom.engine.transform.TransformContext;
import dev.headroom.engine.transform.TransformResult;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Cut, shuffled and garbled samples never make detection or the table compressors throw (an exception
 * would send the whole request on uncompressed), and a lossy result always names the unit's hash.
 */
class TableRobustnessTest {

    private static final List<Compressor> COMPRESSORS = List.of(new TableCompressor(), TableCompressor.csv(), new RecordsCompressor());
    private static final String NOISE = " ,|\"\t\n+-=:\\()[]●├─xyz0123456789é";

    @Test
    void mutatedSamplesNeverThrow() {
        Random random = new Random(99);
        List<String> samples = new ArrayList<>(TokenFigures.samples().values());
        for (int round = 0; round < 600; round++) {
            String text = mutate(samples.get(random.nextInt(samples.size())), random);
            ContentDetector.detect(text);
            for (Compressor c : COMPRESSORS) {
                for (boolean lossless : new boolean[] {true, false}) {
                    TransformContext ctx = new TransformContext(lossless ? CompressionMode.LOSSLESS : CompressionMode.BALANCED, lossless,
                            "why did api-17 fail", "0123456789abcdef01234567", "", 300 + random.nextInt(3000));
                    TransformResult r = c.compress(text, ctx);
                    if (r != null && r.lossy()) {
                        assertTrue(!lossless && r.text().contains(ctx.originalHash()), c.name() + ": " + r.transform());
                    }
                }
            }
        }
    }

    private static String mutate(String sample, Random random) {
        String[] lines = sample.split("\n", -1);
        List<String> out = new ArrayList<>();
        for (String l : lines) {
            int op = random.nextInt(12);
            if (op == 0) {
                continue;
            } else if (op == 1 && !l.isEmpty()) {
                out.add(l.substring(0, random.nextInt(l.length())));
            } else if (op == 2) {
                StringBuilder sb = new StringBuilder(l);
                for (int k = 0; k < 3; k++) {
                    sb.insert(random.nextInt(sb.length() + 1), NOISE.charAt(random.nextInt(NOISE.length())));
                }
                out.add(sb.toString());
            } else if (op == 3) {
                out.add(0, l);
            } else {
                out.add(l);
            }
        }
        String text = String.join(random.nextBoolean() ? "\n" : "\r\n", out);
        return random.nextInt(4) == 0 ? text.substring(0, random.nextInt(text.length() + 1)) : text;
    }

    @Test
    void degenerateInputs() {
        for (String s : List.of("", "\n", "a", "NAME  READY\n", "NAME   READY\nx\n", "a,b\n", "+-+\n|\n+-+\n", "----+----\n|\n",
                "| a | b |\n|---|---|\n", "[INFO] a:b:c:d\n[INFO] +- x\n[INFO] \\- y\n", "Key: v\n\nKey: v\n", "● x.service - y\n   Loaded: z\n",
                "\"unterminated,quote\nnext,line\n", "||/ Name\n+++-====-===\nii  a  b\n")) {
            ContentDetector.detect(s);
            for (Compressor c : COMPRESSORS) {
                c.compress(s, TransformContext.of("0123456789abcdef01234567").withMaxOutputChars(10));
            }
        }
    }
}
