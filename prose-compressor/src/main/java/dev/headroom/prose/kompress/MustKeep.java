package dev.headroom.prose.kompress;

import java.util.regex.Pattern;

/**
 * Words that are kept whatever the model says: the facts a reader cannot reconstruct. Hex numbers,
 * standalone numbers, runs of capitals or underscores (constants, acronyms), dotted names, paths, file
 * extensions, command-line flags, CamelCase and snake_case identifiers, and list bullets and capitalised
 * labels ({@code Error:}) so that lists and sections keep their shape.
 */
public final class MustKeep {

    private static final Pattern PATTERN = Pattern.compile(String.join("|",
            "0[xX][0-9a-fA-F]+",                                   // hex literal
            "[0-9a-fA-F]{8,}",                                      // hashes, ids
            "[-+]?\\d+([.,:/]\\d+)*(%|[a-zA-Z]{1,3})?",             // numbers, dates, times, 10ms, 5GB
            "[A-Z0-9_]*[A-Z_]{2,}[A-Z0-9_]*",                       // CONSTANTS, HTTP, MAX_SIZE
            "[A-Za-z_][\\w$]*(\\.[A-Za-z_][\\w$]*)+(\\(\\))?",      // dotted.names, obj.method()
            "~?\\.{0,2}/[^\\s]*",                                   // /paths, ./relative, ~/home
            "[^\\s/]*\\.[A-Za-z0-9]{1,5}",                          // file.ext, .ext
            "--?[A-Za-z][\\w-]*(=\\S*)?",                           // --flags, -x
            "[a-z]+[A-Z][\\w]*|[A-Z][a-z0-9]+[A-Z][\\w]*",          // camelCase, CamelCase
            "[A-Za-z]\\w*_\\w+",                                    // snake_case
            "[-*+•>#]+|\\d+[.)]",                                   // bullets, numbered items, headings
            "\\w+\\(\\)",                                           // calls: foo()
            "[A-Z][\\w-]*:"                                            // labels: Error:, Findings:
    ));

    /** Punctuation that may wrap a fact without changing it: (42), "/etc/hosts", 3.5%, `--verbose`. */
    private static final Pattern WRAPPING = Pattern.compile("^[\\p{Punct}&&[^/~.#*+>-]]+|[\\p{Punct}&&[^)%/]]+$");

    private MustKeep() {
    }

    public static boolean matches(String word) {
        if (PATTERN.matcher(word).matches()) {
            return true;
        }
        String core = WRAPPING.matcher(word).replaceAll("");
        return !core.isEmpty() && !core.equals(word) && PATTERN.matcher(core).matches();
    }
}
