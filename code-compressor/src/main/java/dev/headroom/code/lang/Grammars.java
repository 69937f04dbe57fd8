package dev.headroom.code.lang;

import dev.headroom.code.natives.NativeBundle;
import io.github.treesitter.jtreesitter.Language;

import java.lang.foreign.Arena;
import java.lang.foreign.SymbolLookup;
import java.util.EnumMap;
import java.util.Map;

/**
 * Loads each grammar once per process from the bundled native libraries. A {@link Language} is
 * immutable and shared by all threads; parsers are not, so callers create their own.
 */
public final class Grammars {

    private static final Map<CodeLanguage, Language> LOADED = new EnumMap<>(CodeLanguage.class);

    private Grammars() {
    }

    /** The grammar for {@code language}; throws when its native library cannot be loaded here. */
    public static synchronized Language of(CodeLanguage language) {
        Language l = LOADED.get(language);
        if (l == null) {
            // Arena.global(): the grammar stays mapped for the life of the process, like any loaded library.
            SymbolLookup lookup = SymbolLookup.libraryLookup(NativeBundle.grammar(language.grammar()), Arena.global());
            l = Language.load(lookup, language.symbol());
            LOADED.put(language, l);
        }
        return l;
    }
}
