package dev.headroom.engine.transform.segment;

import dev.headroom.engine.CompressionMode;
import dev.headroom.engine.transform.ContentRouter;
import dev.headroom.engine.transform.TransformContext;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ShapeRunsTest {

    static String chained() {
        StringBuilder sb = new StringBuilder("total 2048\n")
                .append("drwxr-xr-x 2 dev dev    4096 Nov 27 09:12 .\n")
                .append("drwxr-xr-x 9 dev dev    4096 Nov 27 09:10 ..\n");
        for (String f : List.of("invoices.csv", "customers.csv", "ledger.tsv")) {
            sb.append("-rw-r--r-- 1 dev dev  ").append(100_000 + f.length() * 917).append(" Nov 27 09:12 ").append(f).append('\n');
        }
        sb.append("   5120 exports/invoices.csv\n   1880 exports/customers.csv\n   7001 total\n");
        sb.append("invoice_id,customer,amount,currency,status\n");
        for (int i = 0; i < 40; i++) {
            sb.append("INV-").append(7000 + i).append(",cust-").append(i % 9).append(',').append(10 + i).append(".00,EUR,")
                    .append(i == 17 ? "DISPUTED" : "PAID").append('\n');
        }
        return sb.toString();
    }

    private static List<String> pieces(String text) {
        return ShapeRuns.split(text).stream().map(r -> text.substring(r[0], r[1])).toList();
    }

    @Test
    void chainedCommandsSplitWhereTheShapeChanges() {
        String text = chained();
        List<String> p = pieces(text);
        assertEquals(3, p.size(), p.toString());
        assertTrue(p.get(0).startsWith("total 2048\n") && p.get(0).endsWith("ledger.tsv\n"), p.get(0));
        assertTrue(p.get(1).startsWith("   5120") && p.get(1).endsWith("7001 total\n"), p.get(1));
        assertTrue(p.get(2).startsWith("invoice_id,"), p.get(2));
        assertEquals(text, String.join("", p));
    }

    @Test
    void headOverSeveralFilesStartsARunAtEachHeader() {
        String text = "==> a.csv <==\nid,name,city\n1,ann,rome\n2,bo,oslo\n\n==> b.log <==\nstarted\nready\nstopped\n";
        List<String> p = pieces(text);
        assertEquals(List.of("==> a.csv <==\nid,name,city\n1,ann,rome\n2,bo,oslo\n\n", "==> b.log <==\nstarted\nready\nstopped\n"), p);
    }

    @Test
    void proseOrOneShapeIsOneRun() {
        String prose = "The release went out at noon.\nNo alerts fired.\nWe will watch the error budget tonight.\n";
        assertEquals(List.of(prose), pieces(prose));
        String counts = "  12 a.txt\n  40 b.txt\n  52 total\n";
        assertEquals(List.of(counts), pieces(counts));
    }

    @Test
    void eachRunGoesToItsOwnCompressorAndTheJoinIsExact() {
        String text = chained();
        TransformContext ctx = new TransformContext(CompressionMode.LOSSLESS, true, "", "0123456789abcdef01234567", "", 6000);
        ContentRouter.Routed r = ContentRouter.standard().route(text, ctx);
        assertTrue(r.result() != null && r.result().transform().contains("split+"), String.valueOf(r.result()));
        assertTrue(r.result().transform().contains("csv."), r.result().transform());
        assertTrue(r.result().text().startsWith("total 2048\ndrwxr-xr-x 2 dev dev    4096 Nov 27 09:12 .\n"), r.result().text());
        assertTrue(r.result().text().contains("   5120 exports/invoices.csv\n   1880 exports/customers.csv\n   7001 total\n"));
        assertTrue(r.result().text().contains("INV-7017"), r.result().text());
    }
}
