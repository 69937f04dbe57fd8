package dev.headroom.cli.perf;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.headroom.cli.term.Json;
import dev.headroom.cli.term.Numbers;
import dev.headroom.cli.term.Style;
import dev.headroom.engine.store.HeadroomHome;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code headroom perf}: a performance report from the proxy's request log. */
@Command(name = "perf",
        mixinStandardHelpOptions = true,
        description = {"Reports from the proxy's request log (JSON lines, written by `headroom proxy` unless "
                + "--no-request-log): "
                + "savings per model and per transform, compression time and proxy overhead percentiles, "
                + "cache hit ratio and throughput.",
                "Default log: HEADROOM_HOME/logs/requests.jsonl. Lines that are not JSON are skipped and counted."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:report printed (also when the log is empty)", "2:the log file cannot be read"})
public final class PerfCommand implements Callable<Integer> {

    @Option(names = "--hours", paramLabel = "N", defaultValue = "168",
            description = "Only requests from the last N hours; 0 for all (default: ${DEFAULT-VALUE}).")
    int hours;

    @Option(names = "--format", paramLabel = "FMT", defaultValue = "text",
            description = "text, json or csv (default: ${DEFAULT-VALUE}).")
    String format;

    @Option(names = "--log-file", paramLabel = "FILE", description = "The request log to read.")
    Path logFile;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        if (!List.of("text", "json", "csv").contains(format)) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--format must be text, json or csv, not '" + format + "'");
        }
        Path log = logFile != null ? logFile : HeadroomHome.fromEnvironment().logs().resolve("requests.jsonl");
        PerfReport r = new PerfReport();
        long since = hours <= 0 ? Long.MIN_VALUE : System.currentTimeMillis() - hours * 3_600_000L;
        int skipped = 0;
        if (Files.exists(log)) {
            ObjectMapper mapper = new ObjectMapper();
            try (BufferedReader in = Files.newBufferedReader(log, StandardCharsets.UTF_8)) {
                String line;
                while ((line = in.readLine()) != null) {
                    if (line.isBlank()) {
                        continue;
                    }
                    try {
                        JsonNode n = mapper.readTree(line);
                        RequestLogEntry e = RequestLogEntry.parse(n);
                        if (e.ts() < 0 || e.ts() >= since) {
                            r.add(e);
                        }
                    } catch (IOException ex) {
                        skipped++;
                    }
                }
            }
        } else if (logFile != null) {
            spec.commandLine().getErr().println("headroom: " + log + " does not exist");
            return 2;
        }
        PrintWriter out = spec.commandLine().getOut();
        switch (format) {
            case "json" -> out.println(Json.write(json(r, log, skipped)));
            case "csv" -> csv(out, r);
            default -> text(out, r, log, skipped, Style.forStdout());
        }
        out.flush();
        return 0;
    }

    private Map<String, Object> json(PerfReport r, Path log, int skipped) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("log_file", log.toString());
        m.put("hours", hours);
        m.put("skipped_lines", skipped);
        m.put("total_requests", r.total.requests);
        m.put("total_tokens_before", r.total.before);
        m.put("total_tokens_after", r.total.after);
        m.put("tokens_saved", r.total.saved);
        m.put("savings_pct", round(r.total.percent()));
        m.put("cache_hit_pct", r.cacheHitPercent() == null ? null : round(r.cacheHitPercent()));
        m.put("cache_read_tokens", r.cacheReadTokens);
        m.put("cache_write_tokens", r.cacheWriteTokens);
        m.put("compression_ms", PerfReport.percentiles(r.compressionMs));
        m.put("overhead_ms", PerfReport.percentiles(r.overheadMs));
        m.put("ttfb_ms", PerfReport.percentiles(r.ttfbMs));
        Map<String, Object> models = new LinkedHashMap<>();
        r.byModel.forEach((k, s) -> models.put(k, sums(s)));
        m.put("by_model", models);
        Map<String, Object> transforms = new LinkedHashMap<>();
        r.byTransform.forEach((k, s) -> {
            Map<String, Object> t = new LinkedHashMap<>();
            t.put("requests", s.requests);
            t.put("tokens_saved", s.savedKnown ? s.saved : null);
            transforms.put(k, t);
        });
        m.put("by_transform", transforms);
        Map<String, Object> tp = new LinkedHashMap<>();
        tp.put("requests_per_hour", r.requestsPerHour());
        tp.put("tokens_compressed_per_second", r.tokensPerCompressionSecond());
        m.put("throughput", tp);
        return m;
    }

    private static Map<String, Object> sums(PerfReport.Sums s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("requests", s.requests);
        m.put("tokens_before", s.before);
        m.put("tokens_after", s.after);
        m.put("tokens_saved", s.saved);
        m.put("savings_pct", round(s.percent()));
        return m;
    }

    private static void csv(PrintWriter out, PerfReport r) {
        out.println("section,key,requests,tokens_before,tokens_after,tokens_saved,savings_pct");
        row(out, "total", "all", r.total);
        r.byModel.forEach((k, s) -> row(out, "model", k, s));
        r.byTransform.forEach((k, s) -> out.println("transform," + csvField(k) + "," + s.requests + ",,,"
                + (s.savedKnown ? s.saved : "") + ","));
        PerfReport.percentiles(r.compressionMs).forEach((k, v) -> out.println("compression_ms," + k + ",,,,," + fmt(v)));
        PerfReport.percentiles(r.overheadMs).forEach((k, v) -> out.println("overhead_ms," + k + ",,,,," + fmt(v)));
        PerfReport.percentiles(r.ttfbMs).forEach((k, v) -> out.println("ttfb_ms," + k + ",,,,," + fmt(v)));
    }

    private static void row(PrintWriter out, String section, String key, PerfReport.Sums s) {
        out.println(section + "," + csvField(key) + "," + s.requests + "," + s.before + "," + s.after + "," + s.saved + ","
                + fmt(s.percent()));
    }

    private static String csvField(String s) {
        return s.contains(",") || s.contains("\"") ? "\"" + s.replace("\"", "\"\"") + "\"" : s;
    }

    private void text(PrintWriter out, PerfReport r, Path log, int skipped, Style style) {
        out.println(style.bold("Headroom performance report") + style.dim("  (" + log + (hours > 0 ? ", last " + hours + " h" : "") + ")"));
        if (r.total.requests == 0) {
            out.println("No requests logged" + (Files.exists(log) ? " in this window" : " yet: " + log + " does not exist")
                    + ". `headroom proxy` writes one line per request there (unless --no-request-log).");
            return;
        }
        out.printf("  requests %s   tokens %s -> %s   saved %s (%s)%n", Numbers.tokens(r.total.requests),
                Numbers.tokens(r.total.before), Numbers.tokens(r.total.after), Numbers.tokens(r.total.saved),
                Numbers.percent(r.total.percent()));
        out.println("  compression ms  " + describe(PerfReport.percentiles(r.compressionMs)));
        out.println("  overhead ms     " + describe(PerfReport.percentiles(r.overheadMs)) + style.dim("  (time the proxy adds, compression included)"));
        out.println("  ttfb ms         " + describe(PerfReport.percentiles(r.ttfbMs)));
        out.println("  cache hits      " + (r.cacheHitPercent() == null ? "not logged" : Numbers.percent(r.cacheHitPercent()))
                + "  (read " + Numbers.tokens(r.cacheReadTokens) + ", written " + Numbers.tokens(r.cacheWriteTokens) + " tokens)");
        out.println("  throughput      " + (r.requestsPerHour() == null ? "n/a" : fmt(r.requestsPerHour()) + " requests/h")
                + (r.tokensPerCompressionSecond() == null ? "" : ", " + Numbers.tokens(Math.round(r.tokensPerCompressionSecond()))
                + " tokens compressed per second of compression time"));
        out.println();
        out.println(style.bold("Per model"));
        r.byModel.forEach((k, s) -> out.printf("  %-30s %6d req  %12s -> %12s  saved %s%n", k, s.requests,
                Numbers.tokens(s.before), Numbers.tokens(s.after), Numbers.percent(s.percent())));
        if (!r.byTransform.isEmpty()) {
            out.println();
            out.println(style.bold("Per transform"));
            r.byTransform.forEach((k, s) -> out.printf("  %-30s %6d req  %s%n", k, s.requests,
                    s.savedKnown ? "saved " + Numbers.tokens(s.saved) + " tokens" : ""));
        }
        if (skipped > 0) {
            out.println(style.dim("  (" + skipped + " lines were not JSON and were skipped)"));
        }
    }

    private static String describe(Map<String, Double> p) {
        if (p.isEmpty()) {
            return "not logged";
        }
        List<String> parts = new ArrayList<>();
        p.forEach((k, v) -> parts.add(k + " " + fmt(v)));
        return String.join("  ", parts);
    }

    private static String fmt(double v) {
        return String.format(Locale.ROOT, "%.2f", v);
    }

    private static double round(double v) {
        return Math.round(v * 10) / 10.0;
    }
}
