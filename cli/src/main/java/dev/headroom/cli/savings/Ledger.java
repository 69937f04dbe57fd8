package dev.headroom.cli.savings;

import dev.headroom.engine.store.HeadroomDatabase;
import dev.headroom.engine.store.HeadroomHome;
import dev.headroom.engine.store.SavingsLedger;

import java.nio.file.Files;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/**
 * Read access to the shared savings ledger. Opens the SQLite file only when it exists, so commands asked on
 * a fresh machine answer at once (and create nothing).
 */
public final class Ledger implements AutoCloseable {

    private final HeadroomDatabase db;
    private final SavingsLedger ledger;

    private Ledger(HeadroomDatabase db) {
        this.db = db;
        this.ledger = new SavingsLedger(db);
    }

    public static Optional<Ledger> open(HeadroomHome home) throws SQLException {
        if (!Files.exists(home.database())) {
            return Optional.empty();
        }
        NativeSqlite.useCachedLibrary(home.dir());
        return Optional.of(new Ledger(HeadroomDatabase.open(home)));
    }

    public SavingsLedger.Totals totals(long since) throws SQLException {
        return ledger.totals(since);
    }

    public List<SavingsLedger.Group> by(String column, long since) throws SQLException {
        return ledger.groupedBy(column, since);
    }

    /** Saved tokens per (client, model) pair, for pricing each client's savings. */
    public List<String[]> savedByClientAndModel(long since) throws SQLException {
        java.sql.Connection c = db.connection();
        synchronized (c) {
            try (java.sql.PreparedStatement q = c.prepareStatement("SELECT client, model, sum(tokens_before)-sum(tokens_after) "
                    + "FROM savings WHERE ts>=? GROUP BY client, model")) {
                q.setLong(1, since);
                List<String[]> out = new java.util.ArrayList<>();
                try (java.sql.ResultSet rs = q.executeQuery()) {
                    while (rs.next()) {
                        out.add(new String[] {rs.getString(1), rs.getString(2), Long.toString(rs.getLong(3))});
                    }
                }
                return out;
            }
        }
    }

    @Override
    public void close() {
        db.close();
    }
}
