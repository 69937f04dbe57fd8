package dev.headroom.code.lang;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Guesses the language of unlabeled source text from its shebang and from telltale keywords. It only
 * ranks candidates: the compressor parses with each in turn and keeps the first that parses cleanly,
 * so a wrong first guess costs a parse, not a broken output.
 */
public final class LanguageGuesser {

    private record Clue(CodeLanguage language, Pattern pattern, int weight) {
    }

    private static final int MULTILINE = Pattern.MULTILINE;

    private static final List<Clue> CLUES = List.of(
            clue(CodeLanguage.PYTHON, "^\\s*def \\w+\\(.*\\)\\s*(->\\s*[^:]+)?:\\s*$", 3),
            clue(CodeLanguage.PYTHON, "^\\s*class \\w+(\\(.*\\))?:\\s*$", 3),
            clue(CodeLanguage.PYTHON, "^(from [\\w.]+ import |import \\w+(\\.\\w+)*\\s*$)", 2),
            clue(CodeLanguage.PYTHON, "\\bself\\.|^\\s*elif |__name__|^\\s*@\\w+", 1),
            clue(CodeLanguage.GO, "^package \\w+\\s*$", 3),
            clue(CodeLanguage.GO, "^func (\\(\\w+ \\*?\\w+\\) )?\\w+\\(", 3),
            clue(CodeLanguage.GO, ":= |\\bfmt\\.|\\berr != nil", 1),
            clue(CodeLanguage.RUST, "^\\s*(pub(\\(crate\\))? )?fn \\w+", 3),
            clue(CodeLanguage.RUST, "^use (std|crate|super)::|^\\s*impl\\b|\\blet mut\\b|^\\s*#\\[derive", 3),
            clue(CodeLanguage.RUST, "&self|->\\s*Result<|\\bmatch \\w+ \\{|println!", 1),
            clue(CodeLanguage.JAVA, "^package [\\w.]+;\\s*$|^import (static )?java\\.", 3),
            clue(CodeLanguage.JAVA, "^\\s*(public|private|protected)( static)?( final)? (class|interface|enum|record) \\w+", 3),
            clue(CodeLanguage.JAVA, "^\\s*(public|private|protected) [\\w<>\\[\\], ]+ \\w+\\(|@Override|System\\.out", 1),
            clue(CodeLanguage.C, "^#include\\s*[<\"]", 2),
            clue(CodeLanguage.C, "\\b(malloc|printf|sizeof|typedef struct)\\b", 1),
            clue(CodeLanguage.CPP, "^#include\\s*<(iostream|vector|string|memory|map|algorithm)>", 3),
            clue(CodeLanguage.CPP, "\\bstd::|\\bnamespace \\w+|\\btemplate\\s*<|::\\w+\\(|\\bclass \\w+\\s*(:|\\{)", 2),
            clue(CodeLanguage.TYPESCRIPT, "^\\s*(export )?(interface|type) \\w+|:\\s*(string|number|boolean|void)\\b", 3),
            clue(CodeLanguage.TYPESCRIPT, "\\b(private|public|readonly) \\w+:", 1),
            clue(CodeLanguage.TYPESCRIPT, "^import type |\\bas const\\b|[(,] ?\\w+\\??: [A-Z]\\w*(<[^>]*>)?(\\[\\])?[,)]|\\): [A-Z]\\w*(<[^>]*>)? \\{|\\w<T( extends [^>]+)?>\\(", 2),
            clue(CodeLanguage.JAVASCRIPT, "^\\s*(export )?(async )?function\\*? \\w+\\(|=>|\\brequire\\(", 2),
            clue(CodeLanguage.JAVASCRIPT, "^\\s*(const|let|var) \\w+ =|\\bconsole\\.log|module\\.exports|^import .* from ['\"]", 2));

    private LanguageGuesser() {
    }

    private static Clue clue(CodeLanguage language, String regex, int weight) {
        return new Clue(language, Pattern.compile(regex, MULTILINE), weight);
    }

    /** Candidate languages, most likely first; empty when nothing looks like code. */
    public static List<CodeLanguage> rank(String text) {
        CodeLanguage fromShebang = shebang(text);
        Map<CodeLanguage, Integer> score = new EnumMap<>(CodeLanguage.class);
        String head = text.length() > 20_000 ? text.substring(0, 20_000) : text;
        for (Clue c : CLUES) {
            long hits = c.pattern.matcher(head).results().limit(5).count();
            if (hits > 0) {
                score.merge(c.language, (int) (c.weight * hits), Integer::sum);
            }
        }
        // TypeScript is a superset of JavaScript and C++ nearly one of C: credit the superset with the subset's clues.
        score.computeIfPresent(CodeLanguage.TYPESCRIPT, (k, v) -> v + score.getOrDefault(CodeLanguage.JAVASCRIPT, 0));
        score.computeIfPresent(CodeLanguage.CPP, (k, v) -> v + score.getOrDefault(CodeLanguage.C, 0));
        List<CodeLanguage> ranked = new ArrayList<>(score.keySet());
        ranked.sort(Comparator.comparing((CodeLanguage l) -> -score.get(l)).thenComparing(Enum::ordinal));
        if (fromShebang != null) {
            ranked.remove(fromShebang);
            ranked.add(0, fromShebang);
        }
        return ranked;
    }

    private static CodeLanguage shebang(String text) {
        if (!text.startsWith("#!")) {
            return null;
        }
        int nl = text.indexOf('\n');
        String line = nl < 0 ? text : text.substring(0, nl);
        if (line.contains("python")) {
            return CodeLanguage.PYTHON;
        }
        if (line.contains("node") || line.contains("deno") || line.contains("bun")) {
            return line.contains("ts-node") ? CodeLanguage.TYPESCRIPT : CodeLanguage.JAVASCRIPT;
        }
        return null;
    }
}
