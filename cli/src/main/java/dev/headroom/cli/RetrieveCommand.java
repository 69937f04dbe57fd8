package dev.headroom.cli;

import dev.headroom.engine.store.HeadroomDatabase;
import dev.headroom.engine.store.HeadroomHome;
import dev.headroom.engine.store.SqliteRetrievalStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.sql.SQLException;
import java.util.Optional;
import java.util.concurrent.Callable;

/** {@code headroom retrieve HASH}: prints an original from the persistent retrieval store. */
@Command(name = "retrieve",
        mixinStandardHelpOptions = true,
        description = "Prints the original text stored for HASH (named in a marker such as "
                + "[headroom: 87 rows omitted; headroom_retrieve hash=...]).",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:printed", "1:unknown or expired hash", "2:the store cannot be opened"})
final class RetrieveCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "HASH", description = "The hash from a marker (12 to 64 hex characters).")
    String hash;

    @Override
    public Integer call() {
        String h = hash.trim().toLowerCase(java.util.Locale.ROOT);
        if (h.startsWith("hash=")) {
            h = h.substring(5);
        }
        if (!h.matches("[0-9a-f]{12,64}")) {
            System.err.println("headroom retrieve: '" + hash + "' is not a hash (expected hex, as in hash=0123abcd...)");
            return 1;
        }
        HeadroomHome home = HeadroomHome.fromEnvironment();
        if (!Files.exists(home.database())) {
            System.err.println("headroom retrieve: no original for hash " + h + ": there is no store at "
                    + home.database() + " (nothing has been compressed with this HEADROOM_HOME yet)");
            return 1;
        }
        // read-only: retrieving must work on a store this user cannot write (a shared or read-only HEADROOM_HOME)
        try (HeadroomDatabase db = HeadroomDatabase.openReadOnly(home.database())) {
            Optional<String> original = new SqliteRetrievalStore(db,
                    SqliteRetrievalStore.ttlFromEnvironment(System.getenv())).get(h);
            if (original.isEmpty()) {
                System.err.println("headroom retrieve: no original for hash " + h
                        + " (unknown, or expired: originals are kept for HEADROOM_CCR_TTL_SECONDS, default 1800 s)");
                return 1;
            }
            PrintStream out = System.out;
            out.write(original.get().getBytes(StandardCharsets.UTF_8), 0, original.get().getBytes(StandardCharsets.UTF_8).length);
            out.flush();
            return 0;
        } catch (SQLException e) {
            System.err.println("headroom retrieve: cannot open the store at " + home.database() + ": " + e.getMessage());
            return 2;
        }
    }
}
