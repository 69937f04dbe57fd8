package dev.headroom.eval;

import dev.headroom.engine.CompressionMode;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The savings evaluation: per corpus set (tuning, held-out, the whole corpus, and apart from it the other
 * sessions: examples and reference fixtures) and per command family and content type, the tokens before and
 * after each mode, the needles kept, the outputs sent unstably or nondeterministically, why large outputs were
 * kept, and how JSON outputs compare with minified JSON and TOON. Then, unless {@code --no-relevance}, the
 * relevance scorers compared on the same sessions. A JSON copy goes to {@code evaluation/target/report.json}.
 *
 * <p>Each session is replayed once per mode for everything, plus once more per mode for the determinism check.
 *
 * <p>Run: {@code evaluation/report.sh [--set tuning|held-out|all] [--no-relevance]}
 */
public final class CorpusReport {

    static final String TOKENIZERS = "o200k_base/cl100k_base (jtokkit) for OpenAI models;"
            + " Claude = cl100k_base x 1.10 (an estimate: Anthropic publishes no tokenizer)";

    private CorpusReport() {
    }

    public static void main(String[] args) throws Exception {
        long started = System.nanoTime();
        ReportOptions options;
        try {
            options = ReportOptions.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        }
        PrintStream out = System.out;
        CorpusSplit split = CorpusSplit.load(options.root());
        List<Session> selected = SessionCorpus.load(options.root()).stream()
                .filter(s -> options.parts().contains(split.partOf(s.id()))).toList();
        out.println("Headroom savings report: " + selected.size() + " sessions; " + split.describe());
        out.println("Tokens: " + TOKENIZERS + ". Distinct tool outputs: each output once per session.");
        out.println("Modes: " + CompressionMode.LOSSLESS.label() + " (re-encodings only) and "
                + CompressionMode.BALANCED.label() + " (selection, the rest retrievable behind a marker).");
        Map<CorpusSplit.Part, List<SessionFigures>> byPart = new EnumMap<>(CorpusSplit.Part.class);
        SessionAnalysis analysis = new SessionAnalysis();
        for (Session s : selected) {
            CorpusSplit.Part part = split.partOf(s.id());
            byPart.computeIfAbsent(part, k -> new ArrayList<>())
                    .add(analysis.analyse(s, part, part != CorpusSplit.Part.HELD_OUT));
        }
        List<DistinctUnit> units = byPart.values().stream().flatMap(List::stream).flatMap(f -> f.units().stream()).toList();
        String toonUnavailable = JsonReferences.encodeToon(units, ToonEncoder.inRepo(options.root()));

        ReportJson json = new ReportJson(split.describe(), TOKENIZERS, toonUnavailable);
        SetPrinter printer = new SetPrinter(out, toonUnavailable);
        for (SetFigures set : sets(options, byPart)) {
            printer.print(set);
            json.add(set);
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        json.elapsed(seconds);
        Path file = options.root().resolve("evaluation/target/report.json");
        json.write(file);
        out.printf(Locale.ROOT, "%nReport took %.1f s (%d sessions, each replayed twice per mode); JSON copy: %s%n",
                seconds, selected.size(), options.root().relativize(file));
        if (options.relevance()) {
            long t0 = System.nanoTime();
            RelevanceComparison.print(selected);
            out.printf(Locale.ROOT, "Relevance comparison took %.1f s; %.1f s in all%n", (System.nanoTime() - t0) / 1e9,
                    (System.nanoTime() - started) / 1e9);
        }
    }

    /** The groups to print: each selected part, and with all of them the whole corpus (tuning + held-out). */
    private static List<SetFigures> sets(ReportOptions options, Map<CorpusSplit.Part, List<SessionFigures>> byPart) {
        List<SessionFigures> tuning = byPart.getOrDefault(CorpusSplit.Part.TUNING, List.of());
        List<SessionFigures> heldOut = byPart.getOrDefault(CorpusSplit.Part.HELD_OUT, List.of());
        List<SetFigures> out = new ArrayList<>();
        if (options.parts().contains(CorpusSplit.Part.TUNING)) {
            out.add(SetFigures.of("tuning", "tuning set", true, tuning));
        }
        if (options.parts().contains(CorpusSplit.Part.HELD_OUT)) {
            out.add(SetFigures.of("held-out", "held-out set (aggregates only)", false, heldOut));
        }
        if (options.everything()) {
            List<SessionFigures> whole = new ArrayList<>(tuning);
            whole.addAll(heldOut);
            // The whole corpus holds held-out data, so it is printed as aggregates only.
            out.add(SetFigures.of("whole-corpus", "whole corpus = tuning + held-out (aggregates only)", false, whole));
            out.add(SetFigures.of("other", "other: examples and reference fixtures, not in the whole corpus", true,
                    byPart.getOrDefault(CorpusSplit.Part.OTHER, List.of())));
        }
        return out;
    }
}
