package dev.headroom.cli.doctor;

import com.fasterxml.jackson.databind.JsonNode;
import dev.headroom.cli.savings.Ledger;
import dev.headroom.cli.term.Numbers;
import dev.headroom.engine.store.HeadroomHome;
import dev.headroom.engine.store.SavingsLedger;

import java.sql.SQLException;
import java.util.Optional;

/** Savings flow, budget and JVM agent activity: from the proxy's /stats when it is up, else from the store. */
final class StateChecks implements AutoCloseable {

    private final HeadroomHome home;
    private final int port;
    private final long now = System.currentTimeMillis();
    private Optional<Ledger> ledger;

    /** The store, opened once (and only if it exists). */
    private Optional<Ledger> ledger() throws SQLException {
        if (ledger == null) {
            ledger = Ledger.open(home);
        }
        return ledger;
    }

    @Override
    public void close() {
        if (ledger != null) {
            ledger.ifPresent(Ledger::close);
        }
    }

    StateChecks(HeadroomHome home, int port) {
        this.home = home;
        this.port = port;
    }

    Check savings(Optional<JsonNode> stats) {
        if (stats.isPresent()) {
            JsonNode life = stats.get().path("persistent_savings").path("lifetime");
            if (!life.isMissingNode()) {
                return savingsCheck(life.path("requests").asLong(), life.path("tokens_saved").asLong(),
                        lastActivity(life.path("last_activity")), "proxy /stats");
            }
        }
        try {
            if (ledger().isEmpty()) {
                return Check.warn("savings", "no savings recorded yet (no " + home.database() + ")", sendHint());
            }
            SavingsLedger.Totals t = ledger().get().totals(0);
            return savingsCheck(t.requests(), t.saved(), t.lastActivity(), "the store");
        } catch (SQLException e) {
            return Check.warn("savings", "cannot read " + home.database() + ": " + e.getMessage(), "check the file's permissions");
        }
    }

    private Check savingsCheck(long requests, long saved, long last, String source) {
        if (saved > 0) {
            return Check.pass("savings", Numbers.tokens(saved) + " tokens saved over " + Numbers.tokens(requests)
                    + " requests, last activity " + Numbers.ago(last, now) + " (from " + source + ")");
        }
        return Check.warn("savings", "no tokens saved yet (" + Numbers.tokens(requests) + " requests, from " + source + ")", sendHint());
    }

    private String sendHint() {
        return "route a client (`headroom wrap claude`) and send a request; then `headroom savings`";
    }

    /** Epoch millis from a number (ms or s) or an ISO-8601 string; 0 when absent. */
    static long lastActivity(JsonNode n) {
        if (n.isNumber()) {
            long v = n.asLong();
            return v < 100_000_000_000L ? v * 1000 : v;
        }
        if (n.isTextual()) {
            try {
                return java.time.Instant.parse(n.asText()).toEpochMilli();
            } catch (RuntimeException e) {
                return 0;
            }
        }
        return 0;
    }

    Check budget(Optional<JsonNode> stats) {
        if (stats.isEmpty()) {
            return Check.skip("budget", "unknown while the proxy is down", "");
        }
        JsonNode s = stats.get();
        if (!s.has("budget") && !s.path("cost").has("budget_limit_usd")) {
            // Never suggest a flag this proxy does not have (the reference's hint named one that did not exist).
            return Check.skip("budget", "this proxy reports no budget (it has no spend cap)", "");
        }
        JsonNode limit = first(s.path("budget").path("limit_usd"), s.path("cost").path("budget_limit_usd"));
        JsonNode period = first(s.path("budget").path("period"), s.path("cost").path("budget_period"));
        if (limit.isNumber()) {
            JsonNode spent = first(s.path("budget").path("spent_usd"), s.path("cost").path("budget_spent_usd"));
            return Check.pass("budget", String.format(java.util.Locale.ROOT, "$%.2f/%s budget enforced%s", limit.asDouble(),
                    period.asText("period"), spent.isNumber() ? String.format(java.util.Locale.ROOT, " ($%.2f spent)", spent.asDouble()) : ""));
        }
        return Check.pass("budget", "no budget set: spend is unlimited (optional)",
                "to cap spend: headroom proxy --port " + port + " --budget USD --budget-period daily");
    }

    private static JsonNode first(JsonNode a, JsonNode b) {
        return a.isMissingNode() || a.isNull() ? b : a;
    }

    Check agent() {
        try {
            if (ledger().isPresent()) {
                for (SavingsLedger.Group g : ledger().get().by("client", 0)) {
                    if (g.key().equals("agent") && g.totals().requests() > 0) {
                        return Check.pass("jvm agent", Numbers.tokens(g.totals().saved()) + " tokens saved over "
                                + Numbers.tokens(g.totals().requests()) + " requests, last " + Numbers.ago(g.totals().lastActivity(), now));
                    }
                }
            }
            return Check.skip("jvm agent", "no savings recorded by the JVM agent",
                    "to compress inside a JVM app: java -javaagent:headroom-agent.jar -jar your-app.jar");
        } catch (SQLException e) {
            return Check.warn("jvm agent", "cannot read " + home.database() + ": " + e.getMessage(), "check the file's permissions");
        }
    }
}
