package dev.headroom.cli.savings;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Keeps sqlite-jdbc's native library extracted once under {@code HEADROOM_HOME/native/} and points the
 * driver at it ({@code org.sqlite.lib.path}/{@code name}). By default the driver copies the library out of
 * the jar into the temp directory and checksums it on every start, which costs a short command like
 * {@code doctor} more than the query itself. Any problem leaves the driver's default in place.
 */
final class NativeSqlite {

    private NativeSqlite() {
    }

    static void useCachedLibrary(Path headroomHome) {
        if (System.getProperty("org.sqlite.lib.path") != null) {
            return;
        }
        try {
            String folder = org.sqlite.util.OSInfo.getNativeLibFolderPathForCurrentOS();
            String name = System.mapLibraryName("sqlitejdbc");
            if (name.endsWith(".jnilib")) {
                name = name.replace(".jnilib", ".dylib");
            }
            String resource = "/org/sqlite/native/" + folder + "/" + name;
            String version = org.sqlite.SQLiteJDBCLoader.getVersion();
            Path dir = headroomHome.resolve("native").resolve("sqlite-" + version).resolve(folder);
            Path lib = dir.resolve(name);
            if (!Files.isRegularFile(lib)) {
                try (InputStream in = NativeSqlite.class.getResourceAsStream(resource)) {
                    if (in == null) {
                        return;
                    }
                    Files.createDirectories(dir);
                    Path tmp = Files.createTempFile(dir, name, ".part");
                    Files.copy(in, tmp, StandardCopyOption.REPLACE_EXISTING);
                    Files.move(tmp, lib, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                }
            }
            System.setProperty("org.sqlite.lib.path", dir.toString());
            System.setProperty("org.sqlite.lib.name", name);
        } catch (IOException | RuntimeException | LinkageError e) {
            // the driver extracts its own copy as usual
        }
    }
}
