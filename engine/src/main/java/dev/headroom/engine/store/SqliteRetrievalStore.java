package dev.headroom.engine.store;

import dev.headroom.engine.ccr.RetrievalStore;

import dev.headroom.engine.format.JsonSpans;

import java.nio.ByteBuffer;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The persistent retrieval store (table {@code ccr}): originals survive restarts and are shared by every
 * process that uses the same {@code HEADROOM_HOME}. Entries expire after the TTL (default 30 minutes,
 * {@code HEADROOM_CCR_TTL_SECONDS}); a {@code put} of a known hash only extends its expiry. When the
 * total size passes the cap, the entries closest to expiry go first.
 */
public final class SqliteRetrievalStore implements RetrievalStore {

    private final HeadroomDatabase db;
    private final Duration ttl;
    private final long maxChars;
    private final Clock clock;
    /** Hashes this process wrote recently, with when: skips rewriting large texts every turn. */
    private final Map<String, Long> recentlyWritten = new ConcurrentHashMap<>();
    private final AtomicLong hits = new AtomicLong();
    private final AtomicLong misses = new AtomicLong();

    public SqliteRetrievalStore(HeadroomDatabase db, Duration ttl, long maxChars, Clock clock) {
        this.db = db;
        this.ttl = ttl;
        this.maxChars = maxChars;
        this.clock = clock;
    }

    public SqliteRetrievalStore(HeadroomDatabase db, Duration ttl) {
        this(db, ttl, 512L * 1024 * 1024, Clock.systemUTC());
    }

    /** TTL from {@code HEADROOM_CCR_TTL_SECONDS}, default 1800 seconds. */
    public static Duration ttlFromEnvironment(Map<String, String> env) {
        String v = env.get("HEADROOM_CCR_TTL_SECONDS");
        return v == null || v.isBlank() ? Duration.ofMinutes(30) : Duration.ofSeconds(Long.parseLong(v.trim()));
    }

    @Override
    public void put(String hash, String original) {
        long now = clock.millis();
        Long last = recentlyWritten.get(hash);
        if (last != null && now - last < ttl.toMillis() / 10) {
            return;
        }
        Connection c = db.connection();
        synchronized (c) {
            try (PreparedStatement upd = c.prepareStatement("UPDATE ccr SET expires_at=? WHERE hash=?")) {
                upd.setLong(1, now + ttl.toMillis());
                upd.setString(2, hash);
                if (upd.executeUpdate() == 0) {
                    try (PreparedStatement ins = c.prepareStatement(
                            "INSERT OR REPLACE INTO ccr(hash, content, created_at, expires_at, chars) VALUES (?,?,?,?,?)")) {
                        ins.setString(1, hash);
                        if (JsonSpans.hasLoneSurrogate(original)) {
                            // SQLite's UTF-8 text would turn a lone surrogate into '?': the UTF-16 code units keep it
                            ins.setBytes(2, utf16(original));
                        } else {
                            ins.setString(2, original);
                        }
                        ins.setLong(3, now);
                        ins.setLong(4, now + ttl.toMillis());
                        ins.setLong(5, original.length());
                        ins.executeUpdate();
                    }
                    evict(c, now);
                }
                recentlyWritten.put(hash, now);
                if (recentlyWritten.size() > 50_000) {
                    recentlyWritten.clear();
                }
            } catch (SQLException e) {
                // Fail-open: the marker still names the hash; the in-request text was compressed anyway.
                recentlyWritten.remove(hash);
            }
        }
    }

    @Override
    public Optional<String> get(String hash) {
        Connection c = db.connection();
        synchronized (c) {
            try (PreparedStatement q = c.prepareStatement("SELECT content, typeof(content) FROM ccr WHERE hash=? AND expires_at>=?")) {
                q.setString(1, hash);
                q.setLong(2, clock.millis());
                try (ResultSet rs = q.executeQuery()) {
                    if (rs.next()) {
                        hits.incrementAndGet();
                        boolean utf16 = "blob".equals(rs.getString(2));
                        return Optional.of(utf16 ? fromUtf16(rs.getBytes(1)) : rs.getString(1));
                    }
                }
            } catch (SQLException e) {
                // treated as a miss
            }
        }
        misses.incrementAndGet();
        return Optional.empty();
    }

    /** The string's UTF-16 code units, unchecked (a charset encoder would replace a lone surrogate). */
    private static byte[] utf16(String s) {
        ByteBuffer b = ByteBuffer.allocate(s.length() * 2);
        b.asCharBuffer().put(s);
        return b.array();
    }

    private static String fromUtf16(byte[] b) {
        return ByteBuffer.wrap(b).asCharBuffer().toString();
    }

    @Override
    public StoreStats stats() {
        Connection c = db.connection();
        synchronized (c) {
            try (PreparedStatement q = c.prepareStatement(
                    "SELECT count(*), coalesce(sum(chars),0) FROM ccr WHERE expires_at>=?")) {
                q.setLong(1, clock.millis());
                try (ResultSet rs = q.executeQuery()) {
                    rs.next();
                    return new StoreStats(rs.getLong(1), rs.getLong(2), hits.get(), misses.get());
                }
            } catch (SQLException e) {
                return new StoreStats(0, 0, hits.get(), misses.get());
            }
        }
    }

    private void evict(Connection c, long now) throws SQLException {
        try (PreparedStatement del = c.prepareStatement("DELETE FROM ccr WHERE expires_at<?")) {
            del.setLong(1, now);
            del.executeUpdate();
        }
        try (PreparedStatement sum = c.prepareStatement("SELECT coalesce(sum(chars),0) FROM ccr");
             ResultSet rs = sum.executeQuery()) {
            rs.next();
            long total = rs.getLong(1);
            if (total <= maxChars) {
                return;
            }
        }
        try (PreparedStatement trim = c.prepareStatement("DELETE FROM ccr WHERE hash IN (SELECT hash FROM ccr "
                + "ORDER BY expires_at ASC LIMIT (SELECT count(*)/4+1 FROM ccr))")) {
            trim.executeUpdate();
        }
    }
}
