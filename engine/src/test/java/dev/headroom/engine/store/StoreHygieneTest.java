package dev.headroom.engine.store;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** HEADROOM_HOME holds tool outputs: owner-only files, a corrupt database moved aside, a read-only store readable. */
class StoreHygieneTest {

    @TempDir
    Path dir;

    @Test
    void homeIsOwnerOnlyAndEveryStoreFile0600() throws Exception {
        Path home = dir.resolve(".headroom");
        try (HeadroomDatabase db = HeadroomDatabase.open(HeadroomHome.of(home))) {
            new SqliteRetrievalStore(db, Duration.ofMinutes(5)).put("0123456789abcdef01234567", "a tool output");
            assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(home)));
            try (Stream<Path> files = Files.list(home)) {
                for (Path f : files.toList()) {
                    assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(f)), f.toString());
                }
            }
        }
    }

    @Test
    void anExistingWorldReadableStoreIsTightened() throws Exception {
        Path home = dir.resolve(".headroom");
        Files.createDirectories(home);
        Files.setPosixFilePermissions(home, PosixFilePermissions.fromString("rwxr-xr-x"));
        try (HeadroomDatabase db = HeadroomDatabase.open(HeadroomHome.of(home))) {
            assertTrue(db.file().toFile().exists());
        }
        Files.setPosixFilePermissions(home.resolve("headroom.db"), PosixFilePermissions.fromString("rw-r--r--"));
        try (HeadroomDatabase db = HeadroomDatabase.open(HeadroomHome.of(home))) {
            assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(db.file())));
            assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(home)));
        }
    }

    @Test
    void aCorruptDatabaseIsMovedAsideWithOneLineAndAFreshStoreStarts() throws Exception {
        Path file = dir.resolve("headroom.db");
        Files.write(file, "this is not a SQLite database, just junk bytes".repeat(100).getBytes(StandardCharsets.UTF_8));
        PrintStream err = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try (HeadroomDatabase db = HeadroomDatabase.open(file)) {
            SqliteRetrievalStore store = new SqliteRetrievalStore(db, Duration.ofMinutes(5));
            store.put("0123456789abcdef01234567", "fresh");
            assertEquals("fresh", store.get("0123456789abcdef01234567").orElseThrow());
        } finally {
            System.setErr(err);
        }
        String line = captured.toString(StandardCharsets.UTF_8).strip();
        assertEquals(1, line.lines().count(), line);
        assertTrue(line.contains("moved it to") && line.contains("headroom.db.corrupt-"), line);
        try (Stream<Path> files = Files.list(dir)) {
            assertTrue(files.anyMatch(p -> p.getFileName().toString().startsWith("headroom.db.corrupt-")));
        }
    }

    @Test
    void aReadOnlyOpenReadsWithoutChangingTheStore() throws Exception {
        Path file = dir.resolve("headroom.db");
        long old = System.currentTimeMillis() - HeadroomDatabase.MEMO_RETENTION_MILLIS - 60_000;
        try (HeadroomDatabase db = HeadroomDatabase.open(file)) {
            new SqliteRetrievalStore(db, Duration.ofMinutes(5)).put("0123456789abcdef01234567", "the original");
            try (PreparedStatement ins = db.connection().prepareStatement(
                    "INSERT INTO memo(key, compressed, transform, lossy, used_at) VALUES ('k', 'c', 't', 0, ?)")) {
                ins.setLong(1, old);
                ins.executeUpdate();
            }
        }
        try (HeadroomDatabase db = HeadroomDatabase.openReadOnly(file)) {
            assertEquals("the original", new SqliteRetrievalStore(db, Duration.ofMinutes(5))
                    .get("0123456789abcdef01234567").orElseThrow());
            // a writable open cleans old memo rows; a reader must leave everything as it found it
            try (ResultSet rs = db.connection().createStatement().executeQuery("SELECT count(*) FROM memo")) {
                rs.next();
                assertEquals(1, rs.getInt(1));
            }
            assertThrows(SQLException.class, () -> db.connection().createStatement()
                    .execute("INSERT INTO memo(key, transform, lossy, used_at) VALUES ('x', 't', 0, 0)"));
        }
        assertThrows(SQLException.class, () -> HeadroomDatabase.openReadOnly(dir.resolve("missing.db")));
        assertFalse(Files.exists(dir.resolve("missing.db")), "a reader creates nothing");
    }
}
