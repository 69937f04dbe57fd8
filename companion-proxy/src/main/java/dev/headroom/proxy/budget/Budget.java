package dev.headroom.proxy.budget;

import dev.headroom.engine.store.HeadroomDatabase;
import dev.headroom.proxy.record.ExchangeRecord;
import dev.headroom.proxy.stats.BatchWriter;

import java.sql.SQLException;
import java.time.Clock;
import java.time.ZoneId;
import java.util.ArrayDeque;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The proxy's spend in the current period and the decision to refuse once it reaches the cap. Spend is priced
 * from the usage the provider reported, kept in memory for the check (no SQLite read on the request path) and
 * written to the {@link SpendLedger} off the request path, from which a restarted proxy reloads its window.
 * Spend is recorded even without a cap, so /stats shows it and a cap set later counts what was already spent.
 */
public final class Budget implements AutoCloseable {

    /** Why a request is refused, and when asking again can succeed. */
    public record Refusal(String message, long retryAfterSeconds) {
    }

    private final BudgetSettings settings;
    private final SpendLedger ledger;
    private final Prices prices;
    private final Clock clock;
    private final ZoneId zone;
    /** Spends inside the window, oldest first, as {ts, usd}; {@link #sum} is their total. */
    private final ArrayDeque<double[]> window = new ArrayDeque<>();
    private double sum;
    private final Set<String> warned = ConcurrentHashMap.newKeySet();
    private final AtomicLong unpriced = new AtomicLong();
    private final BatchWriter<SpendLedger.Spend> writer;

    Budget(BudgetSettings settings, SpendLedger ledger, Prices prices, Clock clock) throws SQLException {
        this.settings = settings;
        this.ledger = ledger;
        this.prices = prices;
        this.clock = clock;
        this.zone = clock.getZone();
        this.writer = new BatchWriter<>("headroom-budget", "spend for the budget", ledger::recordAll);
        long now = clock.millis();
        for (SpendLedger.Spend s : ledger.since(settings.period().windowStart(now, zone))) {
            window.addLast(new double[] {s.ts(), s.usd()});
            sum += s.usd();
        }
    }

    /** The budget over the shared store, with the local time zone. */
    public static Budget open(BudgetSettings settings, HeadroomDatabase db) throws SQLException {
        return new Budget(settings, new SpendLedger(db), Prices.load(), Clock.systemDefaultZone());
    }

    public BudgetSettings settings() {
        return settings;
    }

    /** Dollars spent in the current window. */
    public double spent() {
        long start = settings.period().windowStart(clock.millis(), zone);
        synchronized (this) {
            prune(start);
            return sum;
        }
    }

    /**
     * A refusal when a cap is set and the window's spend has reached it; empty otherwise. Runs before every model
     * call, so without a cap it takes no lock: 50 request threads queueing on the monitor that {@link #record}
     * holds added milliseconds to the time to first byte on a busy machine.
     */
    public Optional<Refusal> check() {
        if (!settings.enabled()) {
            return Optional.empty();
        }
        long now = clock.millis();
        long start = settings.period().windowStart(now, zone);
        double limit = settings.limitUsd();
        double spent;
        long retryAt;
        synchronized (this) {
            prune(start);
            if (sum < limit) {
                return Optional.empty();
            }
            spent = sum;
            retryAt = retryAtMillis(now, limit);
        }
        String message = String.format(Locale.ROOT, "headroom: %s budget of $%.2f reached ($%.2f spent); raise "
                + "--budget or wait for the next period", settings.period().label(), limit, spent);
        return Optional.of(new Refusal(message, Math.max(1, (retryAt - now + 999) / 1000)));
    }

    /** Prices one finished exchange from its reported usage and adds it to the window and the ledger. */
    public void record(ExchangeRecord x) {
        if (!x.usage().seen()) {
            return;
        }
        boolean anthropic = (x.path() != null && x.path().startsWith("/v1/messages")) || "anthropic".equals(x.provider());
        // The answering model first (it is what is billed); the request's model when the response named none.
        String model = x.usage().model() != null ? x.usage().model() : x.model();
        Optional<Double> usd = prices.dollars(model, x.usage().toUsage(), anthropic);
        if (usd.isEmpty()) {
            unpriced.incrementAndGet();
            model = model == null || model.isBlank() ? "(none)" : model;
            if (warned.add(model)) {
                System.err.println("headroom proxy: no price for model " + model + " in prices.json (as of "
                        + prices.asOf() + "): its spend is not counted against the budget");
            }
            return;
        }
        long ts = clock.millis();
        long start = settings.period().windowStart(ts, zone);
        synchronized (this) {
            prune(start);
            window.addLast(new double[] {ts, usd.get()});
            sum += usd.get();
        }
        writer.add(new SpendLedger.Spend(ts, x.provider(), model, usd.get(), x.requestId()));
    }

    /** The {@code budget} object of /stats: {limit_usd (null = no cap), period, spent_usd, ...}. */
    public Map<String, Object> snapshot() {
        double spent = spent();
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("limit_usd", settings.limitUsd());
        out.put("period", settings.period().label());
        out.put("spent_usd", round(spent));
        out.put("remaining_usd", settings.enabled() ? round(Math.max(0, settings.limitUsd() - spent)) : null);
        out.put("prices_as_of", prices.asOf());
        out.put("unpriced_responses", unpriced.get());
        return out;
    }

    /** One line for the banner. */
    public String describe() {
        if (!settings.enabled()) {
            return String.format(Locale.ROOT, "none (cap spend with --budget USD); $%.2f spent this %s",
                    spent(), settings.period().noun());
        }
        return String.format(Locale.ROOT, "$%.2f per %s%s, $%.2f spent so far (429 once reached)",
                settings.limitUsd(), settings.period().noun(),
                settings.period() == BudgetPeriod.HOURLY ? " (rolling 60 minutes)" : "", spent());
    }

    /** Waits for queued ledger writes (tests, shutdown). */
    public void drain() {
        writer.flush();
    }

    @Override
    public void close() {
        writer.close();
    }

    /** Drops spends before {@code start} (computed by the caller outside the lock: calendar math is not free). */
    private void prune(long start) {
        while (!window.isEmpty() && window.peekFirst()[0] < start) {
            sum -= window.removeFirst()[1];
        }
        if (window.isEmpty()) {
            sum = 0;      // no float drift left over from the subtractions
        }
    }

    /** Calendar periods: the next period. Rolling hour: when enough old spend has left the window. */
    private long retryAtMillis(long now, double limit) {
        if (settings.period() != BudgetPeriod.HOURLY) {
            return settings.period().windowEnd(now, zone);
        }
        double remaining = sum;
        for (double[] s : window) {
            remaining -= s[1];
            if (remaining < limit) {
                return (long) s[0] + BudgetPeriod.rollingMillis();
            }
        }
        return now + BudgetPeriod.rollingMillis();
    }

    private static double round(double v) {
        return Math.round(v * 1_000_000) / 1_000_000.0;
    }
}
