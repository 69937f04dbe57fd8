package dev.headroom.engine.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * The durable savings ledger (table {@code savings}): one row per compressed request, written by the proxy
 * ({@code client=proxy}), the JVM agent ({@code agent}) and the CLI ({@code cli}). {@code headroom savings},
 * {@code doctor} and the proxy's lifetime stats read it.
 */
public final class SavingsLedger {

    /** One compressed request. Token counts name their tokenizer ({@code tokenizer}) so figures stay honest. */
    public record Event(long ts, String client, String app, String provider, String model, long tokensBefore,
                        long tokensAfter, String tokenizer, String requestId) {
        public long saved() {
            return tokensBefore - tokensAfter;
        }
    }

    /** Sums over a window. */
    public record Totals(long requests, long tokensBefore, long tokensAfter, long lastActivity) {
        public long saved() {
            return tokensBefore - tokensAfter;
        }

        public double savedPercent() {
            return tokensBefore == 0 ? 0 : 100.0 * saved() / tokensBefore;
        }
    }

    /** Sums for one key (a model or a client). */
    public record Group(String key, Totals totals) {
    }

    private final HeadroomDatabase db;

    public SavingsLedger(HeadroomDatabase db) {
        this.db = db;
    }

    private static final String INSERT = "INSERT INTO savings(ts, client, app, provider, model, tokens_before, "
            + "tokens_after, tokenizer, request_id) VALUES (?,?,?,?,?,?,?,?,?)";

    public void record(Event e) throws SQLException {
        Connection c = db.connection();
        synchronized (c) {
            try (PreparedStatement ins = c.prepareStatement(INSERT)) {
                bind(ins, e);
                ins.executeUpdate();
            }
        }
    }

    /**
     * Records {@code events} in one transaction, as one statement batch: a busy proxy writes its queued events at
     * once instead of paying a commit (and the driver's generated-keys query) per request.
     */
    public void recordAll(List<Event> events) throws SQLException {
        db.insertAll(INSERT, events, SavingsLedger::bind);
    }

    private static void bind(PreparedStatement ins, Event e) throws SQLException {
        ins.setLong(1, e.ts());
        ins.setString(2, e.client());
        ins.setString(3, e.app());
        ins.setString(4, e.provider());
        ins.setString(5, e.model());
        ins.setLong(6, e.tokensBefore());
        ins.setLong(7, e.tokensAfter());
        ins.setString(8, e.tokenizer());
        ins.setString(9, e.requestId());
    }

    /** Totals of events at or after {@code sinceMillis} (0 for all time). */
    public Totals totals(long sinceMillis) throws SQLException {
        Connection c = db.connection();
        synchronized (c) {
            try (PreparedStatement q = c.prepareStatement("SELECT count(*), coalesce(sum(tokens_before),0), "
                    + "coalesce(sum(tokens_after),0), coalesce(max(ts),0) FROM savings WHERE ts>=?")) {
                q.setLong(1, sinceMillis);
                try (ResultSet rs = q.executeQuery()) {
                    rs.next();
                    return new Totals(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4));
                }
            }
        }
    }

    /** Totals grouped by {@code column}: {@code model}, {@code client}, {@code app} or {@code provider}. */
    public List<Group> groupedBy(String column, long sinceMillis) throws SQLException {
        if (!List.of("model", "client", "app", "provider").contains(column)) {
            throw new IllegalArgumentException("cannot group savings by " + column);
        }
        Connection c = db.connection();
        synchronized (c) {
            try (PreparedStatement q = c.prepareStatement("SELECT " + column + ", count(*), sum(tokens_before), "
                    + "sum(tokens_after), max(ts) FROM savings WHERE ts>=? GROUP BY " + column
                    + " ORDER BY sum(tokens_before)-sum(tokens_after) DESC")) {
                q.setLong(1, sinceMillis);
                List<Group> out = new ArrayList<>();
                try (ResultSet rs = q.executeQuery()) {
                    while (rs.next()) {
                        out.add(new Group(rs.getString(1),
                                new Totals(rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5))));
                    }
                }
                return out;
            }
        }
    }
}
