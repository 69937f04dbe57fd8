package dev.headroom.cli.savings;

import dev.headroom.engine.store.SavingsLedger;

import java.sql.SQLException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The figures behind {@code headroom savings}: three windows (today, last 7 days, all time or --days),
 * then per model and per client, with dollars from the {@link PriceTable} where the model has a price.
 */
public final class SavingsReport {

    /** One bucket's sums and what they are worth; {@code dollars} is null when no model in it has a price. */
    public record Bucket(String key, long requests, long tokensBefore, long tokensAfter, Double dollars,
                         long unpricedTokensSaved, long lastActivity) {
        public long saved() {
            return tokensBefore - tokensAfter;
        }

        public double percent() {
            return tokensBefore == 0 ? 0 : 100.0 * saved() / tokensBefore;
        }
    }

    private final Map<String, Bucket> windows = new LinkedHashMap<>();
    private final List<Bucket> byModel = new ArrayList<>();
    private final List<Bucket> byClient = new ArrayList<>();

    public Map<String, Bucket> windows() {
        return windows;
    }

    public List<Bucket> byModel() {
        return byModel;
    }

    public List<Bucket> byClient() {
        return byClient;
    }

    /** A report with zero windows, for a machine where nothing was recorded yet. */
    public static SavingsReport empty() {
        SavingsReport r = new SavingsReport();
        for (String w : new String[] {"today", "last_7_days", "all_time"}) {
            r.windows.put(w, new Bucket(w, 0, 0, 0, null, 0, 0));
        }
        return r;
    }

    /** Reads the ledger; {@code days} 0 means all time for the last window and the breakdowns. */
    public static SavingsReport build(Ledger ledger, PriceTable prices, int days, long now) throws SQLException {
        SavingsReport r = new SavingsReport();
        long today = LocalDate.now(ZoneId.systemDefault()).atStartOfDay(ZoneId.systemDefault()).toInstant().toEpochMilli();
        long week = now - 7L * 24 * 3600 * 1000;
        long span = days <= 0 ? 0 : now - days * 24L * 3600 * 1000;
        r.windows.put("today", window("today", ledger, prices, today));
        r.windows.put("last_7_days", window("last_7_days", ledger, prices, week));
        String last = days <= 0 ? "all_time" : "last_" + days + "_days";
        r.windows.put(last, window(last, ledger, prices, span));
        for (SavingsLedger.Group g : ledger.by("model", span)) {
            SavingsLedger.Totals t = g.totals();
            Double d = prices.savedDollars(g.key(), t.saved()).orElse(null);
            r.byModel.add(new Bucket(g.key(), t.requests(), t.tokensBefore(), t.tokensAfter(), d,
                    d == null ? t.saved() : 0, t.lastActivity()));
        }
        // Dollars per client need the model of each row: sum the client's models.
        Map<String, double[]> clientMoney = new LinkedHashMap<>(); // {dollars, priced?, unpriced tokens}
        for (String[] row : ledger.savedByClientAndModel(span)) {
            double[] m = clientMoney.computeIfAbsent(row[0], k -> new double[3]);
            long saved = Long.parseLong(row[2]);
            var d = prices.savedDollars(row[1], saved);
            if (d.isPresent()) {
                m[0] += d.get();
                m[1] = 1;
            } else {
                m[2] += saved;
            }
        }
        for (SavingsLedger.Group g : ledger.by("client", span)) {
            SavingsLedger.Totals t = g.totals();
            double[] m = clientMoney.getOrDefault(g.key(), new double[3]);
            r.byClient.add(new Bucket(g.key(), t.requests(), t.tokensBefore(), t.tokensAfter(), m[1] > 0 ? m[0] : null,
                    (long) m[2], t.lastActivity()));
        }
        return r;
    }

    private static Bucket window(String name, Ledger ledger, PriceTable prices, long since) throws SQLException {
        SavingsLedger.Totals t = ledger.totals(since);
        double dollars = 0;
        boolean anyPriced = false;
        long unpriced = 0;
        for (SavingsLedger.Group g : ledger.by("model", since)) {
            var d = prices.savedDollars(g.key(), g.totals().saved());
            if (d.isPresent()) {
                dollars += d.get();
                anyPriced = true;
            } else {
                unpriced += g.totals().saved();
            }
        }
        return new Bucket(name, t.requests(), t.tokensBefore(), t.tokensAfter(), anyPriced ? dollars : null, unpriced,
                t.lastActivity());
    }
}
