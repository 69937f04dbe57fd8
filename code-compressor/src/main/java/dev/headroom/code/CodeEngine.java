package dev.headroom.code;

import dev.headroom.code.lang.CodeLanguage;
import dev.headroom.code.lang.Grammars;
import dev.headroom.engine.transform.Compressor;

import java.util.ArrayList;
import java.util.List;

/**
 * The Java 22+ side of {@link CodeEngineStatus}: loads the native libraries and checks each grammar by
 * parsing a line of it. Called reflectively, so that a Java 17 host never links this class.
 */
final class CodeEngine {

    private static final String[][] SMOKE = {
        {"PYTHON", "def f(x):\n    return x\n"},
        {"JAVASCRIPT", "function f(x) { return x; }\n"},
        {"TYPESCRIPT", "function f(x: number): number { return x; }\n"},
        {"GO", "package p\nfunc f(x int) int { return x }\n"},
        {"RUST", "fn f(x: i32) -> i32 { x }\n"},
        {"JAVA", "class A { int f(int x) { return x; } }\n"},
        {"C", "int f(int x) { return x; }\n"},
        {"CPP", "namespace n { int f(int x) { return x; } }\n"},
    };

    private CodeEngine() {
    }

    /** The grammars that load and parse here; throws when the core library itself cannot load. */
    static List<String> loadLanguages() {
        List<String> ok = new ArrayList<>();
        Throwable last = null;
        for (String[] smoke : SMOKE) {
            CodeLanguage language = CodeLanguage.valueOf(smoke[0]);
            try {
                Grammars.of(language);
                if (CodeCompressor.parsesCleanly(smoke[1], language)) {
                    ok.add(language.grammar());
                }
            } catch (RuntimeException | LinkageError e) {
                last = e;
            }
        }
        if (ok.isEmpty()) {
            throw new IllegalStateException("no tree-sitter grammar could be loaded"
                    + (last == null ? "" : ": " + last), last);
        }
        return ok;
    }

    static Compressor create() {
        return new CodeCompressor();
    }
}
