package dev.headroom.cli.daily;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.headroom.cli.support.Cli;
import dev.headroom.cli.support.UserShell;
import dev.headroom.engine.store.HeadroomDatabase;
import dev.headroom.engine.store.HeadroomHome;
import dev.headroom.engine.store.SavingsLedger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code headroom savings} over a real ledger in a temporary HEADROOM_HOME. */
class SavingsIT {

    @TempDir
    Path tmp;

    private UserShell shellWithLedger() throws Exception {
        UserShell shell = new UserShell(tmp);
        long now = System.currentTimeMillis();
        long day = 24L * 3600 * 1000;
        try (HeadroomDatabase db = HeadroomDatabase.open(HeadroomHome.of(shell.headroomHome()))) {
            SavingsLedger l = new SavingsLedger(db);
            l.record(new SavingsLedger.Event(now, "proxy", "", "anthropic", "claude-sonnet-4-5-20250929", 10_000, 4_000, "est", "a"));
            l.record(new SavingsLedger.Event(now, "cli", "", "", "mystery-model", 500, 300, "est", "b"));
            l.record(new SavingsLedger.Event(now - 8 * day, "agent", "app", "openai", "gpt-5", 2_000, 1_000, "o200k", "c"));
        }
        return shell;
    }

    @Test
    void jsonHasWindowsModelsClientsAndHonestDollars() throws Exception {
        UserShell shell = shellWithLedger();
        Cli.Run r = shell.run("savings", "--json");
        assertEquals(0, r.exit(), r.stderr());
        JsonNode j = new ObjectMapper().readTree(r.stdout());
        JsonNode today = j.path("windows").path("today");
        assertEquals(6_200, today.path("tokens_saved").asLong());
        assertEquals(10_500, today.path("tokens_before").asLong());
        assertEquals(0.018, today.path("cost_usd").asDouble(), 1e-9);   // 6,000 x $3/M; the unknown model adds nothing
        assertEquals(200, today.path("unpriced_tokens_saved").asLong());
        assertEquals(6_200, j.path("windows").path("last_7_days").path("tokens_saved").asLong());
        JsonNode all = j.path("windows").path("all_time");
        assertEquals(7_200, all.path("tokens_saved").asLong());
        assertEquals(0.018 + 0.00125, all.path("cost_usd").asDouble(), 1e-9);
        assertEquals(3, all.path("requests").asLong());
        JsonNode mystery = byKey(j.path("by_model"), "mystery-model");
        assertTrue(mystery.path("cost_usd").isNull(), "unknown price is null, not $0");
        assertEquals(200, mystery.path("tokens_saved").asLong());
        assertEquals(1_000, byKey(j.path("by_client"), "agent").path("tokens_saved").asLong());
        assertEquals(0.00125, byKey(j.path("by_client"), "agent").path("cost_usd").asDouble(), 1e-9);
        assertEquals(60.0, byKey(j.path("by_model"), "claude-sonnet-4-5-20250929").path("savings_percent").asDouble(), 1e-9);
        assertTrue(j.path("prices_as_of").asText().matches("\\d{4}-\\d{2}-\\d{2}"));
    }

    @Test
    void daysLimitsTheLastWindowAndTheBreakdowns() throws Exception {
        UserShell shell = shellWithLedger();
        JsonNode j = new ObjectMapper().readTree(shell.run("savings", "--json", "--days", "3").stdout());
        assertEquals(6_200, j.path("windows").path("last_3_days").path("tokens_saved").asLong());
        assertEquals(2, j.path("by_client").size());
    }

    @Test
    void textSaysWhenAPriceIsUnknown() throws Exception {
        UserShell shell = shellWithLedger();
        Cli.Run r = shell.run("savings");
        assertEquals(0, r.exit());
        assertTrue(r.stdout().contains("Today"), r.stdout());
        assertTrue(r.stdout().contains("All time"), r.stdout());
        assertTrue(r.stdout().contains("mystery-model"), r.stdout());
        assertTrue(r.stdout().contains("price unknown"), r.stdout());
        assertTrue(r.stdout().contains("$0.0180"), r.stdout());
    }

    @Test
    void anEmptyMachineSaysWhatToDo() throws Exception {
        UserShell shell = new UserShell(tmp);
        Cli.Run r = shell.run("savings");
        assertEquals(0, r.exit());
        assertTrue(r.stdout().contains("headroom wrap claude"), r.stdout());
        JsonNode j = new ObjectMapper().readTree(shell.run("savings", "--json").stdout());
        assertEquals(0, j.path("windows").path("all_time").path("tokens_saved").asLong());
    }

    static JsonNode byKey(JsonNode list, String key) {
        for (JsonNode n : list) {
            if (n.path("key").asText().equals(key)) {
                return n;
            }
        }
        throw new AssertionError("no " + key + " in " + list);
    }
}
