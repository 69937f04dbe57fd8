package dev.headroom.eval;

import dev.headroom.engine.CompressionMode;
import dev.headroom.engine.UnitReport;
import dev.headroom.engine.ccr.ContentHash;
import dev.headroom.engine.format.WireFormat;
import dev.headroom.engine.tokens.TokenCounter;
import dev.headroom.engine.tokens.TokenCounters;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Prints token savings per content type (each distinct tool output counted once) and per session
 * (tool outputs, the last turn's whole request, and every turn's request summed) for both modes.
 * Token counts use each request's model tokenizer; Claude figures are labelled estimates.
 *
 * <p>Run: {@code evaluation/report.sh}
 */
public final class SavingsReport {

    private SavingsReport() {
    }

    /** Sums of tokens before and after. */
    static final class Sum {
        long before;
        long after;
        int count;

        void add(long b, long a) {
            before += b;
            after += a;
            count++;
        }

        String line(String label) {
            double pct = before == 0 ? 0 : 100.0 * (before - after) / before;
            return String.format(Locale.ROOT, "  %-44s %6d %10d %10d %6.1f%%  %5.2fx", label, count, before, after, pct,
                    after == 0 ? 0.0 : (double) before / after);
        }
    }

    public static void main(String[] args) throws Exception {
        Path root = Path.of(args.length > 0 ? args[0] : ".").toAbsolutePath().normalize();
        List<Session> sessions = SessionCorpus.load(root);
        System.out.println("Headroom savings report: " + sessions.size() + " sessions from " + root);
        System.out.println("Tokens: o200k_base/cl100k_base (jtokkit) for OpenAI models; Claude = cl100k_base x 1.10 (an estimate).");
        for (CompressionMode mode : CompressionMode.values()) {
            report(sessions, mode);
        }
    }

    static void report(List<Session> sessions, CompressionMode mode) throws Exception {
        SessionReplay replay = new SessionReplay(mode, OptionalEngines::register);
        Map<String, Sum> byType = new TreeMap<>();
        Map<String, Sum[]> bySession = new TreeMap<>();
        Sum allUnits = new Sum();
        for (Session s : sessions) {
            SessionReplay.Replayed r = replay.replay(s);
            Set<String> seen = new HashSet<>();
            Sum units = new Sum();
            Sum last = new Sum();
            Sum everyTurn = new Sum();
            for (int i = 0; i < r.turns().size(); i++) {
                SessionReplay.Turn t = r.turns().get(i);
                TokenCounter counter = TokenCounters.forModel(t.result().model(), t.result().format() == WireFormat.ANTHROPIC);
                long before = counter.count(new String(t.original(), StandardCharsets.UTF_8));
                long after = t.result().modified() ? counter.count(new String(t.result().body(), StandardCharsets.UTF_8)) : before;
                everyTurn.add(before, after);
                if (i == r.turns().size() - 1) {
                    last.add(before, after);
                }
                for (UnitReport u : t.result().units()) {
                    if (!seen.add(ContentHash.of(u.original()))) {
                        continue;
                    }
                    long b = counter.count(u.original());
                    long a = u.compressed() ? counter.count(u.result()) : b;
                    String type = u.contentType().isEmpty() ? "(" + u.transform().replace("keep:", "") + ")" : u.contentType();
                    byType.computeIfAbsent(type, k -> new Sum()).add(b, a);
                    units.add(b, a);
                    allUnits.add(b, a);
                }
            }
            bySession.put(s.id(), new Sum[] {units, last, everyTurn});
        }
        System.out.printf(Locale.ROOT, "%n== mode: %s ==%n", mode.label());
        System.out.printf(Locale.ROOT, "Per content type (distinct tool outputs)      %6s %10s %10s %7s %6s%n", "units", "before", "after", "saved", "ratio");
        byType.forEach((k, v) -> System.out.println(v.line(k)));
        System.out.println(allUnits.line("ALL TOOL OUTPUTS"));
        System.out.printf(Locale.ROOT, "Per session: tool outputs | last request | all requests summed%n");
        bySession.forEach((k, v) -> {
            System.out.println(v[0].line(k + " [tool outputs]"));
            System.out.println(v[1].line(k + " [last request]"));
            System.out.println(v[2].line(k + " [all " + v[2].count + " requests]"));
        });
    }
}
