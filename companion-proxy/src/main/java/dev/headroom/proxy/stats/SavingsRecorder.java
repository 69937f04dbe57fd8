package dev.headroom.proxy.stats;

import dev.headroom.engine.store.SavingsLedger;
import dev.headroom.proxy.record.ExchangeRecord;

import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Writes one ledger event (client {@code proxy}) per request the engine processed, off the request path and in
 * batches ({@link BatchWriter}), into the SQLite store shared with the agent and the CLI, so lifetime savings
 * survive restarts.
 */
public final class SavingsRecorder implements AutoCloseable {

    public static final String CLIENT = "proxy";
    private final SavingsLedger ledger;
    private final BatchWriter<SavingsLedger.Event> writer;

    public SavingsRecorder(SavingsLedger ledger) {
        this.ledger = ledger;
        this.writer = new BatchWriter<>("headroom-ledger", "savings", ledger::recordAll);
    }

    public void record(ExchangeRecord x, String app) {
        if (!x.engineRan() || !x.succeeded()) {
            return; // a failed or cut exchange saved nothing and is not a compressed request of the ledger
        }
        SavingsLedger.Event e = new SavingsLedger.Event(x.startedMillis(), CLIENT, app, x.provider(), x.model(),
                x.tokensBefore(), x.tokensAfter(), x.tokenizer(), x.requestId());
        writer.add(e);
    }

    /** {@code persistent_savings}: this proxy's lifetime totals, and every client's. */
    public Map<String, Object> persistent() {
        Map<String, Object> out = new LinkedHashMap<>();
        try {
            SavingsLedger.Totals mine = new SavingsLedger.Totals(0, 0, 0, 0);
            for (SavingsLedger.Group g : ledger.groupedBy("client", 0)) {
                if (g.key().equals(CLIENT)) {
                    mine = g.totals();
                }
            }
            out.put("lifetime", totals(mine));
            out.put("all_clients", totals(ledger.totals(0)));
            for (String column : new String[] {"model", "client"}) {
                java.util.List<Map<String, Object>> rows = new java.util.ArrayList<>();
                for (SavingsLedger.Group g : ledger.groupedBy(column, 0)) {
                    Map<String, Object> row = totals(g.totals());
                    row.put(column, g.key());
                    rows.add(row);
                }
                out.put("by_" + column, rows);
            }
        } catch (SQLException e) {
            out.put("error", "cannot read the savings ledger: " + e.getMessage());
        }
        return out;
    }

    private static Map<String, Object> totals(SavingsLedger.Totals t) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("requests", t.requests());
        m.put("tokens_saved", t.saved());
        m.put("tokens_before", t.tokensBefore());
        m.put("tokens_after", t.tokensAfter());
        m.put("savings_percent", Math.round(t.savedPercent() * 100) / 100.0);
        m.put("last_activity", t.lastActivity() == 0 ? null : java.time.Instant.ofEpochMilli(t.lastActivity()).toString());
        return m;
    }

    /** Waits for queued writes (tests and shutdown). */
    public void drain() {
        writer.flush();
    }

    @Override
    public void close() {
        writer.close();
    }

}
