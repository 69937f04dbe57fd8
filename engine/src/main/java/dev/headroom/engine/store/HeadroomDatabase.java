package dev.headroom.engine.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * The shared SQLite file. Several processes (proxy, agent, CLI) open it at once, so it runs in WAL mode
 * with a busy timeout; within a process one connection is shared and every use is synchronized on it.
 */
public final class HeadroomDatabase implements AutoCloseable {

    static final long MEMO_RETENTION_MILLIS = 30L * 24 * 3600 * 1000;

    private final Path file;
    private final Connection connection;

    private HeadroomDatabase(Path file, Connection connection) {
        this.file = file;
        this.connection = connection;
    }

    /** Opens (creating if needed) the database of {@code home}. */
    public static HeadroomDatabase open(HeadroomHome home) throws SQLException {
        return open(home.database());
    }

    public static HeadroomDatabase open(Path file) throws SQLException {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
        } catch (IOException e) {
            throw new SQLException("cannot create " + file.getParent() + ": " + e.getMessage(), e);
        }
        Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
        try (Statement s = c.createStatement()) {
            s.execute("PRAGMA busy_timeout=5000");
            s.execute("PRAGMA journal_mode=WAL");
            s.execute("PRAGMA synchronous=NORMAL");
            s.execute("CREATE TABLE IF NOT EXISTS ccr (hash TEXT PRIMARY KEY, content TEXT NOT NULL, "
                    + "created_at INTEGER NOT NULL, expires_at INTEGER NOT NULL, chars INTEGER NOT NULL)");
            s.execute("CREATE INDEX IF NOT EXISTS ccr_expiry ON ccr(expires_at)");
            s.execute("CREATE TABLE IF NOT EXISTS memo (key TEXT PRIMARY KEY, compressed TEXT, "
                    + "transform TEXT NOT NULL, lossy INTEGER NOT NULL, used_at INTEGER NOT NULL)");
            s.execute("CREATE TABLE IF NOT EXISTS savings (id INTEGER PRIMARY KEY AUTOINCREMENT, ts INTEGER NOT NULL, "
                    + "client TEXT NOT NULL, app TEXT NOT NULL DEFAULT '', provider TEXT NOT NULL DEFAULT '', "
                    + "model TEXT NOT NULL DEFAULT '', tokens_before INTEGER NOT NULL, tokens_after INTEGER NOT NULL, "
                    + "tokenizer TEXT NOT NULL DEFAULT '', request_id TEXT NOT NULL DEFAULT '')");
            s.execute("CREATE INDEX IF NOT EXISTS savings_ts ON savings(ts)");
            // Decisions only need to outlive the provider's prompt caches (5 min to 1 h) and a restart or
            // two; a month keeps every realistic session stable while bounding the file.
            s.execute("DELETE FROM memo WHERE used_at < " + (System.currentTimeMillis() - MEMO_RETENTION_MILLIS));
        } catch (SQLException e) {
            c.close();
            throw e;
        }
        return new HeadroomDatabase(file, c);
    }

    public Path file() {
        return file;
    }

    /** The shared connection; synchronize on it for every use. */
    public Connection connection() {
        return connection;
    }

    /** Sets one row's parameters on a batch insert. */
    @FunctionalInterface
    public interface RowBinder<T> {
        void bind(PreparedStatement insert, T row) throws SQLException;
    }

    /**
     * Inserts {@code rows} through {@code sql} as one statement batch in one transaction, rolled back whole on a
     * failure: a busy proxy writes what queued up at once instead of paying a commit per request.
     */
    public <T> void insertAll(String sql, List<T> rows, RowBinder<? super T> binder) throws SQLException {
        synchronized (connection) {
            boolean auto = connection.getAutoCommit();
            connection.setAutoCommit(false);
            try (PreparedStatement insert = connection.prepareStatement(sql)) {
                for (T row : rows) {
                    binder.bind(insert, row);
                    insert.addBatch();
                }
                insert.executeBatch();
                connection.commit();
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(auto);
            }
        }
    }

    @Override
    public void close() {
        synchronized (connection) {
            try {
                connection.close();
            } catch (SQLException ignored) {
                // closing at shutdown: nothing useful to do
            }
        }
    }
}
