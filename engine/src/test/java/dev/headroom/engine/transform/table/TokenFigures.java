package dev.headroom.engine.transform.table;

import dev.headroom.engine.CompressionMode;
import dev.headroom.engine.ccr.ContentHash;
import dev.headroom.engine.tokens.ClaudeTokenEstimate;
import dev.headroom.engine.tokens.JtokkitCounter;
import dev.headroom.engine.transform.ContentRouter;
import dev.headroom.engine.transform.TransformContext;
import dev.headroom.engine.transform.TransformResult;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Prints, for every sample, characters and tokens (Claude estimate = cl100k_base x 1.10, and o200k_base)
 * before, lossless, and balanced with a 2,000- and a 6,000-character budget, through the standard router.
 * Not a test: run it by hand ({@code java -cp ... TokenFigures [sample] [print]}) when tuning an encoding.
 */
public final class TokenFigures {

    private static final ClaudeTokenEstimate CLAUDE = new ClaudeTokenEstimate();
    private static final JtokkitCounter O200K = JtokkitCounter.o200k();

    private TokenFigures() {
    }

    static Map<String, String> samples() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("kubectl get pods (120)", ClusterSamples.pods(120, 1));
        m.put("kubectl get pods -A -o wide (120)", ClusterSamples.podsAllWide(120, 2));
        m.put("kubectl get events (100)", ClusterSamples.events(100, 3));
        m.put("docker ps -a (40)", ClusterSamples.dockerPs(40, 4));
        m.put("ps aux (150)", HostSamples.psAux(150, 5));
        m.put("df -h (22)", HostSamples.dfH());
        m.put("dpkg -l (86)", HostSamples.dpkgL(200, 7));
        m.put("psql (300)", GridSamples.psql(GridSamples.orders(300, 6)));
        m.put("mysql -t (300)", GridSamples.mysql(GridSamples.orders(300, 6)));
        m.put("mvn dependency:tree (98)", BuildSamples.dependencyTree());
        m.put("CSV (300)", GridSamples.csv(GridSamples.orders(300, 6)));
        m.put("TSV mysql -B (300)", GridSamples.tsv(GridSamples.orders(300, 6)));
        m.put("apt-cache show (6)", RecordSamples.aptCacheShow(6, 1));
        m.put("apt-cache show (24)", RecordSamples.aptCacheShow(24, 1));
        m.put("kubectl describe pod", RecordSamples.describePod());
        m.put("systemctl status (-n 40)", RecordSamples.systemctlStatus(40, 2));
        return m;
    }

    public static void main(String[] args) {
        String only = args.length > 0 ? args[0] : null;
        boolean print = args.length > 1;
        ContentRouter router = ContentRouter.standard();
        System.out.printf("%-34s %-10s %22s %22s %22s %22s%n", "sample", "type", "before chars/cl/o200k", "lossless", "balanced 2000",
                "balanced 6000");
        for (Map.Entry<String, String> e : samples().entrySet()) {
            if (only != null && !e.getKey().startsWith(only)) {
                continue;
            }
            String text = e.getValue();
            String hash = ContentHash.of(text);
            ContentRouter.Routed lossless = router.route(text, new TransformContext(CompressionMode.LOSSLESS, true, "", hash, "", 6000));
            String q = "which pods are failing and why";
            TransformResult b2 = router.route(text, new TransformContext(CompressionMode.BALANCED, false, q, hash, "", 2000)).result();
            TransformResult b6 = router.route(text, new TransformContext(CompressionMode.BALANCED, false, q, hash, "", 6000)).result();
            System.out.printf("%-34s %-10s %22s %22s %22s %22s%n", e.getKey(), lossless.type().label(), figures(text),
                    figures(lossless.result() == null ? text : lossless.result().text()), figures(b2 == null ? text : b2.text()),
                    figures(b6 == null ? text : b6.text()));
            if (print) {
                System.out.println(lossless.result() == null ? "(no lossless result)" : lossless.result().text());
                System.out.println("---- balanced 2000:");
                System.out.println(b2 == null ? "(none)" : b2.text());
            }
        }
    }

    private static String figures(String s) {
        return s.length() + "/" + CLAUDE.count(s) + "/" + O200K.count(s);
    }
}
