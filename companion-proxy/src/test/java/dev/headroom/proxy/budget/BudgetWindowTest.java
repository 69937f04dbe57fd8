package dev.headroom.proxy.budget;

import dev.headroom.engine.store.HeadroomDatabase;
import dev.headroom.proxy.record.ExchangeRecord;
import dev.headroom.proxy.record.ExchangeRecorder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Periods, prices and the retry-after arithmetic, on a real SQLite ledger with a clock the test moves. */
class BudgetWindowTest {

    @TempDir
    Path dir;

    /** A clock the test sets. */
    static final class Hands extends Clock {
        long now;

        Hands(String instant) {
            now = Instant.parse(instant).toEpochMilli();
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return Instant.ofEpochMilli(now);
        }
    }

    private static ExchangeRecord call(String model, long input, long output) {
        ExchangeRecorder x = new ExchangeRecorder("r");
        x.route("POST", "/v1/messages", "anthropic");
        x.engineRan(model, 0, 0, false);
        x.usage(u -> {
            u.input = input;
            u.output = output;
            u.seen = true;
        });
        return x.finish();
    }

    @Test
    void theRollingHourForgetsOldSpendAndRetryAfterSaysWhenEnoughHasLeft() throws Exception {
        Hands clock = new Hands("2026-03-10T10:00:00Z");
        try (HeadroomDatabase db = HeadroomDatabase.open(dir.resolve("h.db"))) {
            Budget b = new Budget(BudgetSettings.parse("1", "hourly"), new SpendLedger(db), Prices.load(), clock);
            b.record(call("claude-sonnet-4-5", 200_000, 0));           // $0.60 at 10:00
            clock.now += 20 * 60_000;
            b.record(call("claude-sonnet-4-5", 0, 40_000));             // $0.60 of output at 10:20
            assertEquals(1.2, b.spent(), 1e-9);
            assertEquals(40 * 60, b.check().orElseThrow().retryAfterSeconds(),
                    "the 10:00 spend leaves at 11:00, 40 minutes from now");
            clock.now += 40 * 60_000 + 1;
            assertEquals(0.6, b.spent(), 1e-9);
            assertTrue(b.check().isEmpty());
            b.close();
        }
    }

    @Test
    void calendarPeriodsResetAtLocalMidnightAndTheFirstOfTheMonthAndSurviveAReopen() throws Exception {
        Hands clock = new Hands("2026-03-31T23:00:00Z");
        try (HeadroomDatabase db = HeadroomDatabase.open(dir.resolve("h.db"))) {
            Budget daily = new Budget(BudgetSettings.parse("$0.5", "daily"), new SpendLedger(db), Prices.load(), clock);
            daily.record(call("claude-sonnet-4-5", 200_000, 0));
            assertEquals(3600, daily.check().orElseThrow().retryAfterSeconds());
            daily.close();
            Budget monthly = new Budget(BudgetSettings.parse("0.5", "monthly"), new SpendLedger(db), Prices.load(), clock);
            assertEquals(0.6, monthly.spent(), 1e-9, "reloaded from the ledger");
            clock.now += 3600_000;                                       // April 1st, 00:00
            assertEquals(0.0, monthly.spent());
            assertTrue(monthly.check().isEmpty());
            monthly.close();
        }
    }

    @Test
    void openAiPromptTokensIncludeTheCachedOnesSoTheyAreNotPaidTwice() {
        Prices p = Prices.load();
        var u = new dev.headroom.dialects.Usage();
        u.input = 1_000_000;
        u.cacheRead = 400_000;
        u.output = 100_000;
        // gpt-4o: 600k x $2.50 + 400k x $1.25 + 100k x $10
        assertEquals(1.5 + 0.5 + 1.0, p.dollars("gpt-4o-2024-08-06", u, false).orElseThrow(), 1e-9);
        u.cacheCreation = 100_000;
        // claude-opus-4-5: 1M x $5 + 400k x $0.50 + 100k x $6.25 + 100k x $25
        assertEquals(5 + 0.2 + 0.625 + 2.5, p.dollars("anthropic/claude-opus-4-5[1m]", u, true).orElseThrow(), 1e-9);
        assertTrue(p.dollars("made-up", u, true).isEmpty());
    }

    @Test
    void badFlagsSayWhatToWrite() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> BudgetSettings.parse("five", null))
                .getMessage().contains("--budget 5"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> BudgetSettings.parse("0", null))
                .getMessage().contains("positive"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> BudgetSettings.parse("5", "weekly"))
                .getMessage().contains("hourly"));
        assertEquals(BudgetPeriod.DAILY, BudgetSettings.parse(null, null).period());
    }
}
