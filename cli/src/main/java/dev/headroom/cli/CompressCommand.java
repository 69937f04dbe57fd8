package dev.headroom.cli;

import dev.headroom.engine.CompressionMode;
import dev.headroom.engine.CompressionResult;
import dev.headroom.engine.EngineSettings;
import dev.headroom.engine.HeadroomEngine;
import dev.headroom.engine.RequestOptions;
import dev.headroom.engine.format.WireFormat;
import dev.headroom.engine.store.HeadroomDatabase;
import dev.headroom.engine.store.HeadroomHome;
import dev.headroom.engine.store.SavingsLedger;
import dev.headroom.engine.store.SqliteDecisionMemo;
import dev.headroom.engine.store.SqliteRetrievalStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code headroom compress}: one request body in, the compressed body out. */
@Command(name = "compress",
        mixinStandardHelpOptions = true,
        description = {"Compresses one LLM request body (Anthropic Messages, OpenAI Chat or Responses) and writes "
                + "the compressed body to stdout.",
                "Originals of anything left out are kept in the retrieval store under HEADROOM_HOME "
                        + "(default ~/.headroom); get them back with `headroom retrieve HASH`."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:success (also when nothing was compressed)", "2:unreadable input or bad option"})
final class CompressCommand implements Callable<Integer> {

    static final long CLI_TIME_BUDGET_MILLIS = 60_000;

    @Parameters(index = "0", arity = "0..1", paramLabel = "FILE", description = "The request body (JSON); - or absent for stdin.")
    String file;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "auto",
            description = "auto, anthropic, openai-chat or openai-responses (default: ${DEFAULT-VALUE}).")
    String format;

    @Option(names = "--lossless", description = "Only re-encode (minify, tables, grouping, folding): nothing is left out, no markers.")
    boolean lossless;

    @Option(names = "--query", paramLabel = "TEXT", description = "Rank what to keep by this question instead of the request's latest user message.")
    String query;

    @Option(names = "--stats", description = "Print a JSON report to stderr: tokens before/after, per-unit transforms, ccr_hashes.")
    boolean stats;

    @Option(names = {"-o", "--output"}, paramLabel = "OUT", description = "Write the compressed body to OUT instead of stdout.")
    Path output;

    @Option(names = "--protect-tool-results", paramLabel = "TOOLS", split = ",",
            description = "More tool names or globs (mcp__*) whose outputs are never compressed; adds to Read, Glob, Grep, Write, Edit and HEADROOM_EXCLUDE_TOOLS.")
    List<String> protectedTools;

    @Override
    public Integer call() throws Exception {
        WireFormat forced;
        try {
            forced = WireFormat.parse(format);
        } catch (IllegalArgumentException e) {
            System.err.println("headroom compress: " + e.getMessage());
            return 2;
        }
        byte[] body;
        try {
            body = read();
        } catch (NoSuchFileException e) {
            System.err.println("headroom compress: no such file: " + file);
            return 2;
        } catch (IOException e) {
            System.err.println("headroom compress: cannot read " + (file == null ? "stdin" : file) + ": " + e.getMessage());
            return 2;
        }
        if (HeadroomEngine.detect(body) == null && forced == null) {
            System.err.println("headroom compress: input is not a JSON Anthropic or OpenAI request body"
                    + " (expected an object with \"messages\" or \"input\"); use --format to force one");
            return 2;
        }
        EngineSettings settings = EngineSettings.fromEnvironment(System.getenv());
        if (System.getenv("HEADROOM_COMPRESSION_TIMEOUT_MS") == null) {
            // The request-path budget (2 s) protects live traffic; a user who runs `compress` asked for the
            // compression, and a cold one-shot JVM on a busy machine can need longer.
            settings = settings.withTimeBudgetMillis(CLI_TIME_BUDGET_MILLIS);
        }
        if (lossless) {
            settings = settings.withMode(CompressionMode.LOSSLESS);
        }
        if (protectedTools != null) {
            settings = settings.withAdditionalExcludedTools(protectedTools);
        }
        HeadroomHome home = HeadroomHome.fromEnvironment();
        try (HeadroomDatabase db = HeadroomDatabase.open(home)) {
            HeadroomEngine engine = HeadroomEngine.create(settings,
                    new SqliteRetrievalStore(db, SqliteRetrievalStore.ttlFromEnvironment(System.getenv())),
                    new SqliteDecisionMemo(db));
            engine = OptionalEngines.registerForOneShot(engine);
            CompressionResult result = engine.compress(body, new RequestOptions(forced, query, false, null));
            write(result.body());
            StatsReport report = StatsReport.of(result, body);
            if (stats) {
                System.err.println(report.toJson());
            }
            recordSavings(db, result, report);
        } catch (SQLException e) {
            System.err.println("headroom compress: cannot open the store at " + home.database() + ": " + e.getMessage()
                    + " (set HEADROOM_HOME to a writable directory)");
            return 2;
        }
        return 0;
    }

    private void recordSavings(HeadroomDatabase db, CompressionResult result, StatsReport report) {
        if (!result.modified()) {
            return;
        }
        try {
            new SavingsLedger(db).record(new SavingsLedger.Event(System.currentTimeMillis(), "cli", "headroom compress",
                    result.format() == null ? "" : result.format().label(), result.model(), report.tokensBefore(),
                    report.tokensAfter(), report.tokenizer(), ""));
        } catch (SQLException ignored) {
            // savings bookkeeping never fails a compression
        }
    }

    private byte[] read() throws IOException {
        if (file == null || file.equals("-")) {
            try (InputStream in = System.in) {
                return in.readAllBytes();
            }
        }
        return Files.readAllBytes(Path.of(file));
    }

    private void write(byte[] bytes) throws IOException {
        if (output != null) {
            Files.write(output, bytes);
            return;
        }
        PrintStream out = System.out;
        out.write(bytes, 0, bytes.length);
        out.flush();
    }
}
