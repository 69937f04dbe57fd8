package dev.headroom.engine.store;

import dev.headroom.engine.memo.Decision;
import dev.headroom.engine.memo.DecisionMemo;
import dev.headroom.engine.memo.InMemoryDecisionMemo;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;

/**
 * The persistent decision memo (table {@code memo}), fronted by an in-process LRU so that the units a
 * conversation repeats every turn cost no database round trip. Decisions survive restarts, which is
 * what keeps a restarted proxy from rewriting history the provider has cached.
 */
public final class SqliteDecisionMemo implements DecisionMemo {

    private final HeadroomDatabase db;
    private final InMemoryDecisionMemo front = new InMemoryDecisionMemo(20_000);

    public SqliteDecisionMemo(HeadroomDatabase db) {
        this.db = db;
    }

    @Override
    public Optional<Decision> get(String key) {
        Optional<Decision> hot = front.get(key);
        if (hot.isPresent()) {
            return hot;
        }
        Connection c = db.connection();
        synchronized (c) {
            try (PreparedStatement q = c.prepareStatement("SELECT compressed, transform, lossy FROM memo WHERE key=?")) {
                q.setString(1, key);
                try (ResultSet rs = q.executeQuery()) {
                    if (rs.next()) {
                        Decision d = new Decision(rs.getString(1), rs.getString(2), rs.getInt(3) != 0);
                        front.remember(key, d);
                        return Optional.of(d);
                    }
                }
            } catch (SQLException e) {
                // a miss: the unit is recomputed, deterministically
            }
        }
        return Optional.empty();
    }

    @Override
    public Decision remember(String key, Decision decision) {
        Connection c = db.connection();
        synchronized (c) {
            try (PreparedStatement ins = c.prepareStatement(
                    "INSERT OR IGNORE INTO memo(key, compressed, transform, lossy, used_at) VALUES (?,?,?,?,?)")) {
                ins.setString(1, key);
                ins.setString(2, decision.compressed());
                ins.setString(3, decision.transform());
                ins.setInt(4, decision.lossy() ? 1 : 0);
                ins.setLong(5, System.currentTimeMillis());
                if (ins.executeUpdate() == 0) {
                    front.clear(key);
                    Optional<Decision> winner = get(key);
                    if (winner.isPresent()) {
                        return winner.get();
                    }
                }
            } catch (SQLException e) {
                // kept in memory only
            }
        }
        return front.remember(key, decision);
    }
}
