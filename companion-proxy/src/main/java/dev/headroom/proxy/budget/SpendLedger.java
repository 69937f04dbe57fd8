package dev.headroom.proxy.budget;

import dev.headroom.engine.store.HeadroomDatabase;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * Dollars spent through the proxy, one row per priced response, in the SQLite store shared by proxy, agent and
 * CLI. It is what lets a restarted proxy know what the current period has already spent (the reference kept the
 * spend in memory and forgot it on restart). Every use synchronizes on the shared connection, like the engine's
 * stores.
 */
public final class SpendLedger {

    /** One priced response. */
    public record Spend(long ts, String provider, String model, double usd, String requestId) {
    }

    private final HeadroomDatabase db;

    public SpendLedger(HeadroomDatabase db) throws SQLException {
        this.db = db;
        Connection c = db.connection();
        synchronized (c) {
            try (Statement s = c.createStatement()) {
                s.execute("CREATE TABLE IF NOT EXISTS budget_spend (id INTEGER PRIMARY KEY AUTOINCREMENT, "
                        + "ts INTEGER NOT NULL, provider TEXT, model TEXT, usd REAL NOT NULL, request_id TEXT)");
                s.execute("CREATE INDEX IF NOT EXISTS budget_spend_ts ON budget_spend(ts)");
            }
        }
    }

    public void record(Spend e) throws SQLException {
        recordAll(List.of(e));
    }

    /** Records {@code spends} in one transaction (the budget's writer stores what queued up at once). */
    public void recordAll(List<Spend> spends) throws SQLException {
        db.insertAll("INSERT INTO budget_spend(ts, provider, model, usd, request_id) VALUES (?,?,?,?,?)", spends,
                (ins, e) -> {
                    ins.setLong(1, e.ts());
                    ins.setString(2, e.provider());
                    ins.setString(3, e.model());
                    ins.setDouble(4, e.usd());
                    ins.setString(5, e.requestId());
                });
    }

    /** Every spend at or after {@code sinceMillis}, oldest first (the budget's window at start-up). */
    public List<Spend> since(long sinceMillis) throws SQLException {
        Connection c = db.connection();
        synchronized (c) {
            try (PreparedStatement q = c.prepareStatement("SELECT ts, provider, model, usd, request_id FROM budget_spend "
                    + "WHERE ts>=? ORDER BY ts, id")) {
                q.setLong(1, sinceMillis);
                List<Spend> out = new ArrayList<>();
                try (ResultSet rs = q.executeQuery()) {
                    while (rs.next()) {
                        out.add(new Spend(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getDouble(4),
                                rs.getString(5)));
                    }
                }
                return out;
            }
        }
    }
}
