package dev.headroom.engine.store;

import dev.headroom.engine.memo.Decision;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The shared SQLite file: retrieval TTL and caps, memo first-decision-wins, and the savings ledger. */
class SqliteStoreTest {

    @TempDir
    Path dir;

    /** A clock the test moves by hand. */
    static final class ManualClock extends Clock {
        long millis = 1_000_000;

        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        public Instant instant() {
            return Instant.ofEpochMilli(millis);
        }
    }

    @Test
    void originalsExpireAfterTheTtlAndSurviveReopening() throws Exception {
        ManualClock clock = new ManualClock();
        Path file = dir.resolve("headroom.db");
        try (HeadroomDatabase db = HeadroomDatabase.open(file)) {
            SqliteRetrievalStore store = new SqliteRetrievalStore(db, Duration.ofMinutes(30), 1_000_000, clock);
            store.put("aaaaaaaaaaaaaaaaaaaaaaaa", "the original");
            assertEquals("the original", store.get("aaaaaaaaaaaaaaaaaaaaaaaa").orElseThrow());
        }
        try (HeadroomDatabase db = HeadroomDatabase.open(file)) {
            SqliteRetrievalStore store = new SqliteRetrievalStore(db, Duration.ofMinutes(30), 1_000_000, clock);
            assertEquals("the original", store.get("aaaaaaaaaaaaaaaaaaaaaaaa").orElseThrow(), "persistent");
            clock.millis += Duration.ofMinutes(31).toMillis();
            assertTrue(store.get("aaaaaaaaaaaaaaaaaaaaaaaa").isEmpty(), "expired");
            assertEquals(1, store.stats().misses());
        }
    }

    @Test
    void loneSurrogatesSurviveTheStoreExactly() throws Exception {
        Path file = dir.resolve("headroom.db");
        String original = "high \uD800 alone, low \uDC00 alone, a pair \uD83D\uDE00, emoji \uD83D\uDE00 and text";
        try (HeadroomDatabase db = HeadroomDatabase.open(file)) {
            SqliteRetrievalStore store = new SqliteRetrievalStore(db, Duration.ofMinutes(30));
            store.put("bbbbbbbbbbbbbbbbbbbbbbbb", original);
            store.put("cccccccccccccccccccccccc", "plain \u00e9 text");
        }
        try (HeadroomDatabase db = HeadroomDatabase.open(file)) {
            SqliteRetrievalStore store = new SqliteRetrievalStore(db, Duration.ofMinutes(30));
            assertEquals(original, store.get("bbbbbbbbbbbbbbbbbbbbbbbb").orElseThrow());
            assertEquals("plain \u00e9 text", store.get("cccccccccccccccccccccccc").orElseThrow());
        }
    }

    @Test
    void aPutOfAKnownHashExtendsItsLife() throws Exception {
        ManualClock clock = new ManualClock();
        try (HeadroomDatabase db = HeadroomDatabase.open(dir.resolve("h.db"))) {
            SqliteRetrievalStore store = new SqliteRetrievalStore(db, Duration.ofMinutes(30), 1_000_000, clock);
            store.put("bbbbbbbbbbbbbbbbbbbbbbbb", "x");
            clock.millis += Duration.ofMinutes(20).toMillis();
            store.put("bbbbbbbbbbbbbbbbbbbbbbbb", "x");
            clock.millis += Duration.ofMinutes(20).toMillis();
            assertTrue(store.get("bbbbbbbbbbbbbbbbbbbbbbbb").isPresent(), "still alive 40 min after the first put");
        }
    }

    @Test
    void theSizeCapEvictsTheEntriesClosestToExpiry() throws Exception {
        ManualClock clock = new ManualClock();
        try (HeadroomDatabase db = HeadroomDatabase.open(dir.resolve("cap.db"))) {
            SqliteRetrievalStore store = new SqliteRetrievalStore(db, Duration.ofMinutes(30), 1000, clock);
            for (int i = 0; i < 20; i++) {
                clock.millis += 1000;
                store.put(String.format("%024d", i), "y".repeat(100));
            }
            assertTrue(store.stats().chars() <= 1000, "cap held: " + store.stats());
            assertTrue(store.get(String.format("%024d", 19)).isPresent(), "newest kept");
            assertTrue(store.get(String.format("%024d", 0)).isEmpty(), "oldest evicted");
        }
    }

    @Test
    void theFirstDecisionWinsAcrossProcessesSharingTheFile() throws Exception {
        Path file = dir.resolve("memo.db");
        try (HeadroomDatabase a = HeadroomDatabase.open(file); HeadroomDatabase b = HeadroomDatabase.open(file)) {
            SqliteDecisionMemo first = new SqliteDecisionMemo(a);
            SqliteDecisionMemo second = new SqliteDecisionMemo(b);
            Decision mine = first.remember("k", new Decision("compressed one way", "t1", false));
            Decision theirs = second.remember("k", new Decision("compressed another way", "t2", false));
            assertEquals("compressed one way", mine.compressed());
            assertEquals("compressed one way", theirs.compressed(), "second process adopts the stored decision");
            assertEquals(Decision.keep("x"), new SqliteDecisionMemo(a).remember("keep", Decision.keep("x")));
            assertTrue(new SqliteDecisionMemo(b).get("keep").orElseThrow().keepsOriginal());
        }
    }

    @Test
    void theLedgerSumsByWindowModelAndClient() throws Exception {
        try (HeadroomDatabase db = HeadroomDatabase.open(dir.resolve("ledger.db"))) {
            SavingsLedger ledger = new SavingsLedger(db);
            ledger.record(new SavingsLedger.Event(1000, "proxy", "", "anthropic", "claude-sonnet-4-5", 1000, 400, "claude-estimate", "r1"));
            ledger.record(new SavingsLedger.Event(2000, "agent", "app", "openai", "gpt-5", 500, 450, "o200k_base", "r2"));
            ledger.record(new SavingsLedger.Event(3000, "proxy", "", "anthropic", "claude-sonnet-4-5", 100, 100, "claude-estimate", "r3"));
            SavingsLedger.Totals all = ledger.totals(0);
            assertEquals(3, all.requests());
            assertEquals(650, all.saved());
            assertEquals(3000, all.lastActivity());
            assertEquals(1, ledger.totals(2500).requests());
            assertEquals("claude-sonnet-4-5", ledger.groupedBy("model", 0).get(0).key());
            Map<String, Long> byClient = new java.util.HashMap<>();
            ledger.groupedBy("client", 0).forEach(g -> byClient.put(g.key(), g.totals().saved()));
            assertEquals(Map.of("proxy", 600L, "agent", 50L), byClient);
        }
    }

    @Test
    void aBatchOfEventsIsStoredWholeOrNotAtAll() throws Exception {
        try (HeadroomDatabase db = HeadroomDatabase.open(dir.resolve("batch.db"))) {
            SavingsLedger ledger = new SavingsLedger(db);
            ledger.recordAll(List.of(
                    new SavingsLedger.Event(1000, "proxy", "", "anthropic", "m", 1000, 400, "t", "r1"),
                    new SavingsLedger.Event(2000, "proxy", "", "anthropic", "m", 500, 450, "t", "r2")));
            assertEquals(2, ledger.totals(0).requests());
            String insert = "INSERT INTO savings(ts, client, app, provider, model, tokens_before, tokens_after, "
                    + "tokenizer, request_id) VALUES (?,?,?,?,?,?,?,?,?)";
            SQLException failure = assertThrows(SQLException.class,
                    () -> db.insertAll(insert, List.of(1L, 2L), (ins, ts) -> {
                        if (ts == 2L) {
                            throw new SQLException("row 2 cannot be bound");
                        }
                        ins.setLong(1, ts);
                        for (int i = 2; i <= 9; i++) {
                            ins.setObject(i, i == 6 || i == 7 ? 0 : "x");
                        }
                    }));
            assertEquals("row 2 cannot be bound", failure.getMessage());
            assertEquals(2, ledger.totals(0).requests(), "the failed batch left no row behind");
            assertTrue(db.connection().getAutoCommit(), "the shared connection is back in auto-commit");
            ledger.record(new SavingsLedger.Event(3000, "agent", "", "openai", "m", 10, 5, "t", "r3"));
            assertEquals(3, ledger.totals(0).requests());
        }
    }

    @Test
    void headroomHomeFollowsTheEnvironment() {
        assertEquals(Path.of("/x/y").toAbsolutePath(), HeadroomHome.resolve(Map.of("HEADROOM_HOME", "/x/y")).dir());
        assertEquals(Path.of("/home/u/.headroom"), HeadroomHome.resolve(Map.of("HOME", "/home/u")).dir());
    }
}
