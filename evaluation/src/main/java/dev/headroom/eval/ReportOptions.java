package dev.headroom.eval;

import java.nio.file.Path;
import java.util.EnumSet;
import java.util.Set;

/**
 * The report's command line: {@code [repo root] [--set tuning|held-out|all] [--no-relevance]}.
 *
 * @param root        the repository root (default: the working directory)
 * @param parts       the corpus parts to replay; {@code all} also reports the whole corpus and the other sessions
 * @param relevance   false to skip the slow relevance-scorer comparison
 */
record ReportOptions(Path root, Set<CorpusSplit.Part> parts, boolean relevance) {

    static final String USAGE = "usage: evaluation/report.sh [--set tuning|held-out|all] [--no-relevance]";

    static ReportOptions parse(String... args) {
        Path root = Path.of(".");
        Set<CorpusSplit.Part> parts = EnumSet.allOf(CorpusSplit.Part.class);
        boolean relevance = true;
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (a.equals("--no-relevance")) {
                relevance = false;
            } else if (a.equals("--set") || a.startsWith("--set=")) {
                String value = a.equals("--set") ? (i + 1 < args.length ? args[++i] : "") : a.substring("--set=".length());
                parts = parts(value);
            } else if (a.startsWith("-")) {
                throw new IllegalArgumentException("unknown option " + a + "\n" + USAGE);
            } else {
                root = Path.of(a);
            }
        }
        return new ReportOptions(root.toAbsolutePath().normalize(), parts, relevance);
    }

    private static Set<CorpusSplit.Part> parts(String value) {
        return switch (value) {
            case "tuning" -> EnumSet.of(CorpusSplit.Part.TUNING);
            case "held-out" -> EnumSet.of(CorpusSplit.Part.HELD_OUT);
            case "all" -> EnumSet.allOf(CorpusSplit.Part.class);
            default -> throw new IllegalArgumentException("unknown set '" + value + "'\n" + USAGE);
        };
    }

    /** True when every part is reported, with the whole-corpus and other groups. */
    boolean everything() {
        return parts.size() == CorpusSplit.Part.values().length;
    }
}
