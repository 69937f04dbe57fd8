package dev.headroom.engine.store;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Set;

/**
 * The file-system side of the store: {@code HEADROOM_HOME} and its files hold tool outputs (the originals of
 * compressed text, request logs), so the directory is created owner-only (0700) and every file 0600, and a
 * database that SQLite cannot read is moved aside rather than stopping whoever opens it. Non-POSIX file systems
 * (Windows) keep their defaults: the checks there are the ACLs the user's profile already has.
 */
public final class StoreFiles {

    static final Set<PosixFilePermission> DIR = PosixFilePermissions.fromString("rwx------");
    static final Set<PosixFilePermission> FILE = PosixFilePermissions.fromString("rw-------");
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC);

    private StoreFiles() {
    }

    /**
     * Creates {@code dir} (and missing parents) owner-only. An existing directory is tightened to 0700 when it is the
     * store's own (it already holds the database, or its name is {@code .headroom}); a shared directory someone
     * pointed {@code HEADROOM_HOME} at is left as it is, and only the files get 0600.
     */
    public static void ensurePrivateDir(Path dir) throws IOException {
        Path d = dir.toAbsolutePath();
        if (!Files.isDirectory(d)) {
            Files.createDirectories(d);
            chmod(d, DIR);
            return;
        }
        if (Files.exists(d.resolve("headroom.db")) || ".headroom".equals(String.valueOf(d.getFileName()))) {
            chmod(d, DIR);
        }
    }

    /** Creates {@code file} empty with 0600 if it is missing, else sets 0600 on it. */
    public static void ensurePrivateFile(Path file) throws IOException {
        if (posix(file.toAbsolutePath().getParent())) {
            try {
                Files.createFile(file, PosixFilePermissions.asFileAttribute(FILE));
                return;
            } catch (FileAlreadyExistsException exists) {
                // tightened below
            }
        } else if (!Files.exists(file)) {
            Files.createFile(file);
        }
        chmod(file, FILE);
    }

    /** Sets 0600 on {@code file} when it exists (SQLite's -wal and -shm files, created with the database's mode). */
    static void tighten(Path file) {
        try {
            if (Files.exists(file)) {
                chmod(file, FILE);
            }
        } catch (IOException ignored) {
            // not ours to change (another user's file in a shared home): SQLite still works
        }
    }

    /**
     * Moves an unreadable database and its -wal/-shm files to {@code headroom.db.corrupt-<UTC time>} and says so in
     * one line; the caller then starts a fresh store. Returns where it went.
     */
    static Path moveAside(Path db, String why) throws IOException {
        Path aside = db.resolveSibling(db.getFileName() + ".corrupt-" + STAMP.format(Instant.now()));
        Files.move(db, aside, StandardCopyOption.REPLACE_EXISTING);
        for (String suffix : new String[] {"-wal", "-shm"}) {
            Path side = db.resolveSibling(db.getFileName() + suffix);
            if (Files.exists(side)) {
                Files.move(side, aside.resolveSibling(aside.getFileName() + suffix), StandardCopyOption.REPLACE_EXISTING);
            }
        }
        System.err.println("headroom: " + db + " could not be read (" + why + "); moved it to " + aside
                + " and started a new, empty store (stored originals, memo and savings of the old one are in that file)");
        return aside;
    }

    private static void chmod(Path p, Set<PosixFilePermission> perms) throws IOException {
        if (posix(p)) {
            Files.setPosixFilePermissions(p, perms);
        }
    }

    private static boolean posix(Path p) {
        return p != null && p.getFileSystem().supportedFileAttributeViews().contains("posix");
    }
}
