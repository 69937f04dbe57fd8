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

import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

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

    /**
     * Opens (creating if needed) the database at {@code file}: its directory owner-only (0700), the file and its
     * -wal/-shm companions 0600 (they hold tool outputs). A file SQLite cannot read (not a database, corrupt) is
     * moved aside with one line on stderr and a fresh store is started, so a broken file never stops the proxy.
     */
    public static HeadroomDatabase open(Path file) throws SQLException {
        try {
            StoreFiles.ensurePrivateDir(file.toAbsolutePath().getParent());
            StoreFiles.ensurePrivateFile(file);
        } catch (IOException e) {
            throw new SQLException("cannot create " + file + ": " + e.getMessage(), e);
        }
        try {
            return openWritable(file);
        } catch (SQLException e) {
            if (!unreadable(e)) {
                throw e;
            }
            try {
                StoreFiles.moveAside(file, e.getMessage());
                StoreFiles.ensurePrivateFile(file);
            } catch (IOException io) {
                throw new SQLException(file + " cannot be read (" + e.getMessage() + ") and cannot be moved aside: "
                        + io.getMessage(), e);
            }
            return openWritable(file);
        }
    }

    /**
     * Opens an existing database for reading only: no schema changes, no clean-up, nothing written, so a store
     * on a read-only mount or owned by another user can still be read ({@code headroom retrieve}). When SQLite
     * cannot even open its shared-memory file there, the file is read as immutable (no locking).
     */
    public static HeadroomDatabase openReadOnly(Path file) throws SQLException {
        if (!Files.isRegularFile(file)) {
            throw new SQLException("there is no store at " + file);
        }
        SQLiteConfig config = new SQLiteConfig();
        config.setReadOnly(true);
        config.setBusyTimeout(5000);
        String uri = file.toAbsolutePath().toUri().toString().replaceFirst("^file:/+", "file:/");
        try {
            Connection c = config.createConnection("jdbc:sqlite:" + uri + "?mode=ro");
            probe(c);
            return new HeadroomDatabase(file, c);
        } catch (SQLException e) {
            Connection c = config.createConnection("jdbc:sqlite:" + uri + "?mode=ro&immutable=1");
            probe(c);
            return new HeadroomDatabase(file, c);
        }
    }

    private static void probe(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.executeQuery("SELECT count(*) FROM sqlite_master").close();
        } catch (SQLException e) {
            c.close();
            throw e;
        }
    }

    private static HeadroomDatabase openWritable(Path file) throws SQLException {
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
        // SQLite creates them with the database's mode; tightened as well for files left by an older version
        StoreFiles.tighten(file.resolveSibling(file.getFileName() + "-wal"));
        StoreFiles.tighten(file.resolveSibling(file.getFileName() + "-shm"));
        return new HeadroomDatabase(file, c);
    }

    /** Not a database, or a corrupt one: the errors a fresh store is the answer to (a busy or locked file is not). */
    private static boolean unreadable(SQLException e) {
        if (e instanceof SQLiteException se) {
            SQLiteErrorCode code = se.getResultCode();
            return code == SQLiteErrorCode.SQLITE_NOTADB || code == SQLiteErrorCode.SQLITE_CORRUPT
                    || code == SQLiteErrorCode.SQLITE_CORRUPT_INDEX || code == SQLiteErrorCode.SQLITE_CORRUPT_SEQUENCE
                    || code == SQLiteErrorCode.SQLITE_CORRUPT_VTAB;
        }
        return false;
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
