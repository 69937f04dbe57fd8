package dev.headroom.cli.savings;

import dev.headroom.cli.term.Json;
import dev.headroom.cli.term.Numbers;
import dev.headroom.cli.term.Style;
import dev.headroom.engine.store.HeadroomHome;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;

/** {@code headroom savings}: what compression saved, from the durable ledger shared by proxy, agent and CLI. */
@Command(name = "savings",
        mixinStandardHelpOptions = true,
        description = {"Shows tokens and dollars saved: today, the last 7 days and all time (or the last --days), "
                + "then per model and per client (proxy, agent, cli).",
                "Reads the savings ledger in HEADROOM_HOME/headroom.db directly, so it works with the proxy down.",
                "Dollars price the tokens not sent at the model's input list price (the dated prices.json table the proxy's budget also uses); "
                        + "models without a price show tokens and say so."})
public final class SavingsCommand implements Callable<Integer> {

    @Option(names = "--days", paramLabel = "N", defaultValue = "0",
            description = "Limit the last window and the breakdowns to N days (default: all time).")
    int days;

    @Option(names = "--json", description = "Print JSON: {schema_version, path, prices_as_of, windows, by_model, by_client}.")
    boolean json;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        HeadroomHome home = HeadroomHome.fromEnvironment();
        PrintWriter out = spec.commandLine().getOut();
        PriceTable prices = PriceTable.load();
        Optional<Ledger> ledger = Ledger.open(home);
        SavingsReport report;
        if (ledger.isEmpty()) {
            report = SavingsReport.empty();
        } else {
            try (Ledger l = ledger.get()) {
                report = SavingsReport.build(l, prices, days, System.currentTimeMillis());
            }
        }
        if (json) {
            out.println(Json.write(toJson(report, home, prices)));
        } else if (ledger.isEmpty()) {
            out.println("No savings recorded yet (" + home.database() + " does not exist).");
            out.println("Route a client through the proxy with `headroom wrap claude`, then look again.");
        } else {
            print(out, report, prices, Style.forStdout());
        }
        out.flush();
        return 0;
    }

    private static Map<String, Object> toJson(SavingsReport r, HeadroomHome home, PriceTable prices) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("schema_version", 1);
        root.put("path", home.database().toString());
        root.put("prices_as_of", prices.asOf());
        Map<String, Object> windows = new LinkedHashMap<>();
        r.windows().forEach((k, b) -> windows.put(k, bucket(b, false)));
        root.put("windows", windows);
        List<Object> models = new ArrayList<>();
        r.byModel().forEach(b -> models.add(bucket(b, true)));
        root.put("by_model", models);
        List<Object> clients = new ArrayList<>();
        r.byClient().forEach(b -> clients.add(bucket(b, true)));
        root.put("by_client", clients);
        return root;
    }

    private static Map<String, Object> bucket(SavingsReport.Bucket b, boolean keyed) {
        Map<String, Object> m = new LinkedHashMap<>();
        if (keyed) {
            m.put("key", b.key());
        }
        m.put("requests", b.requests());
        m.put("tokens_before", b.tokensBefore());
        m.put("tokens_after", b.tokensAfter());
        m.put("tokens_saved", b.saved());
        m.put("savings_percent", Math.round(b.percent() * 10) / 10.0);
        m.put("cost_usd", b.dollars());
        m.put("unpriced_tokens_saved", b.unpricedTokensSaved());
        m.put("last_activity", b.lastActivity() > 0 ? java.time.Instant.ofEpochMilli(b.lastActivity()).toString() : null);
        return m;
    }

    private static void print(PrintWriter out, SavingsReport r, PriceTable prices, Style style) {
        out.println(style.bold("Headroom savings"));
        for (SavingsReport.Bucket b : r.windows().values()) {
            String label = switch (b.key()) {
                case "today" -> "Today";
                case "last_7_days" -> "Last 7 days";
                case "all_time" -> "All time";
                default -> "Last " + b.key().replaceAll("\\D", "") + " days";
            };
            out.printf("  %-12s %s %6s  saved %s / %s tokens  %s%n", label, bar(b.percent()), Numbers.percent(b.percent()),
                    Numbers.tokens(b.saved()), Numbers.tokens(b.tokensBefore()), money(b, style));
        }
        out.println();
        out.println(style.bold("Per model") + style.dim("  (input list prices as of " + prices.asOf() + ")"));
        r.byModel().forEach(b -> row(out, b.key().isEmpty() ? "(unknown model)" : b.key(), b, style));
        out.println();
        out.println(style.bold("Per client"));
        r.byClient().forEach(b -> row(out, b.key(), b, style));
    }

    private static void row(PrintWriter out, String key, SavingsReport.Bucket b, Style style) {
        out.printf("  %-28s %6s req  saved %12s tokens %6s  %s%n", key, Numbers.tokens(b.requests()), Numbers.tokens(b.saved()),
                Numbers.percent(b.percent()), money(b, style));
    }

    private static String money(SavingsReport.Bucket b, Style style) {
        if (b.dollars() == null) {
            return b.saved() == 0 ? "" : style.dim("price unknown");
        }
        return Numbers.dollars(b.dollars()) + (b.unpricedTokensSaved() > 0
                ? style.dim(" + " + Numbers.tokens(b.unpricedTokensSaved()) + " tokens at unknown price") : "");
    }

    private static String bar(double percent) {
        int filled = (int) Math.round(Math.max(0, Math.min(100, percent)) / 100 * 16);
        return "[" + "#".repeat(filled) + ".".repeat(16 - filled) + "]";
    }
}
