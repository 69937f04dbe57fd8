package dev.headroom.code;

import dev.headroom.code.elide.BodyElider;
import dev.headroom.code.elide.Edit;
import dev.headroom.code.lang.CodeLanguage;
import dev.headroom.code.lang.Grammars;
import dev.headroom.code.lang.LanguageGuesser;
import dev.headroom.engine.ccr.ContentHash;
import dev.headroom.engine.tokens.TokenCounter;
import dev.headroom.engine.tokens.TokenCounters;
import dev.headroom.engine.transform.TransformContext;
import dev.headroom.engine.transform.TransformResult;
import io.github.treesitter.jtreesitter.InputEncoding;
import io.github.treesitter.jtreesitter.Parser;
import io.github.treesitter.jtreesitter.Tree;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Measures the code compressor on real source files: token savings (o200k_base), the share of planned
 * outputs that re-parse before the safety fallback, language-guess accuracy, and time per 1,000 lines.
 * Run by {@link CodeCompressionBenchTest}, or by hand with directories as arguments.
 */
public final class CodeCompressionBench {

    /** One source file and its language (from its extension). */
    public record Source(String name, CodeLanguage language, String text) {
    }

    /** Per-language totals. */
    public static final class Row {
        int files;
        int compressed;
        int planned;
        int reparsed;
        int guessed;
        int parsedClean;
        long lines;
        long tokensBefore;
        long tokensAfter;
        long nanos;
        long cpuNanos;

        double savings() {
            return tokensBefore == 0 ? 0 : 1 - (double) tokensAfter / tokensBefore;
        }

        double reparseShare() {
            return planned == 0 ? 1 : (double) reparsed / planned;
        }

        double msPerKLines() {
            return lines == 0 ? 0 : nanos / 1e6 / (lines / 1000.0);
        }

        double cpuMsPerKLines() {
            return lines == 0 ? 0 : cpuNanos / 1e6 / (lines / 1000.0);
        }
    }

    private static final java.lang.management.ThreadMXBean CPU = java.lang.management.ManagementFactory.getThreadMXBean();
    private static final TokenCounter TOKENS = TokenCounters.forModel("gpt-4o", false);

    private CodeCompressionBench() {
    }

    public static CodeLanguage languageOf(String fileName) {
        String n = fileName.toLowerCase(Locale.ROOT);
        if (n.endsWith(".py")) return CodeLanguage.PYTHON;
        if (n.endsWith(".js") || n.endsWith(".mjs") || n.endsWith(".cjs")) return CodeLanguage.JAVASCRIPT;
        if (n.endsWith(".ts") && !n.endsWith(".d.ts")) return CodeLanguage.TYPESCRIPT;
        if (n.endsWith(".go")) return CodeLanguage.GO;
        if (n.endsWith(".rs")) return CodeLanguage.RUST;
        if (n.endsWith(".java")) return CodeLanguage.JAVA;
        if (n.endsWith(".c")) return CodeLanguage.C;
        if (n.endsWith(".cpp") || n.endsWith(".cc") || n.endsWith(".cxx") || n.endsWith(".hpp")) return CodeLanguage.CPP;
        return null;
    }

    /** Source files under {@code dir} (recursively), at most {@code limit} per language, in path order. */
    public static List<Source> scan(Path dir, int limit) throws IOException {
        Map<CodeLanguage, Integer> taken = new EnumMap<>(CodeLanguage.class);
        List<Source> out = new ArrayList<>();
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.filter(Files::isRegularFile).sorted().toList()) {
                CodeLanguage l = languageOf(p.getFileName().toString());
                if (l == null || taken.getOrDefault(l, 0) >= limit || Files.size(p) > 400_000) {
                    continue;
                }
                String text = new String(Files.readAllBytes(p), StandardCharsets.UTF_8);
                out.add(new Source(dir.relativize(p).toString(), l, text));
                taken.merge(l, 1, Integer::sum);
            }
        }
        return out;
    }

    public static Map<CodeLanguage, Row> measure(List<Source> sources) {
        CodeCompressor compressor = new CodeCompressor();
        for (Source s : sources.subList(0, Math.min(20, sources.size()))) {
            compressor.compress(s.text, s.language, TransformContext.of(ContentHash.of(s.text))); // warm-up
        }
        Map<CodeLanguage, Row> rows = new EnumMap<>(CodeLanguage.class);
        for (Source s : sources) {
            Row row = rows.computeIfAbsent(s.language, k -> new Row());
            TransformContext ctx = TransformContext.of(ContentHash.of(s.text));
            TransformResult r = null;
            long[] times = new long[3];
            long[] cpu = new long[3];
            for (int round = 0; round < times.length; round++) {
                long c0 = CPU.getCurrentThreadCpuTime();
                long t0 = System.nanoTime();
                r = compressor.compress(s.text, s.language, ctx);
                times[round] = System.nanoTime() - t0;
                cpu[round] = CPU.getCurrentThreadCpuTime() - c0;
            }
            java.util.Arrays.sort(times);
            java.util.Arrays.sort(cpu);
            row.nanos += times[1]; // the median of three runs
            row.cpuNanos += cpu[1];
            row.files++;
            row.lines += s.text.lines().count();
            int before = TOKENS.count(s.text);
            row.tokensBefore += before;
            row.tokensAfter += r == null ? before : TOKENS.count(r.text());
            if (r != null) {
                row.compressed++;
            }
            List<CodeLanguage> guess = LanguageGuesser.rank(s.text);
            if (!guess.isEmpty() && guess.get(0) == s.language) {
                row.guessed++;
            }
            // The re-parse share before the fallback: plan the edits again and parse the raw output.
            try (Parser parser = new Parser(Grammars.of(s.language));
                 Tree tree = parser.parse(s.text, InputEncoding.UTF_8).orElseThrow()) {
                if (!tree.getRootNode().hasError()) {
                    row.parsedClean++;
                    byte[] bytes = s.text.getBytes(StandardCharsets.UTF_8);
                    List<Edit> edits = BodyElider.plan(tree, bytes, s.language, ctx);
                    if (!edits.isEmpty()) {
                        row.planned++;
                        if (CodeCompressor.parsesCleanly(Edit.apply(bytes, edits), s.language)) {
                            row.reparsed++;
                        }
                    }
                }
            }
        }
        return rows;
    }

    public static String table(Map<CodeLanguage, Row> rows) {
        StringBuilder sb = new StringBuilder(String.format(
                "%-11s %6s %8s %7s %10s %11s %10s %8s %9s %9s %9s%n", "language", "files", "lines", "clean", "compressed",
                "tokens in", "tokens out", "saved", "reparse", "ms/kline", "cpu-ms/kl"));
        rows.forEach((l, r) -> sb.append(String.format("%-11s %6d %8d %7d %10d %11d %10d %7.1f%% %8.1f%% %9.2f %9.2f   guess %d/%d%n",
                l.grammar(), r.files, r.lines, r.parsedClean, r.compressed, r.tokensBefore, r.tokensAfter, 100 * r.savings(),
                100 * r.reparseShare(), r.msPerKLines(), r.cpuMsPerKLines(), r.guessed, r.files)));
        sb.append("tokens: ").append(TOKENS.label()).append(TOKENS.estimate() ? " (estimate)" : "").append('\n');
        return sb.toString();
    }

    /** Usage: CodeCompressionBench DIR... [--limit N] */
    public static void main(String[] args) throws IOException {
        int limit = 200;
        List<Source> sources = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--limit")) {
                limit = Integer.parseInt(args[++i]);
            } else {
                sources.addAll(scan(Path.of(args[i]), limit));
            }
        }
        System.out.print(table(measure(sources)));
    }
}
