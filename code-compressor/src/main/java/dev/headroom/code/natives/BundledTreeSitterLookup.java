package dev.headroom.code.natives;

import io.github.treesitter.jtreesitter.NativeLibraryLookup;

import java.lang.foreign.Arena;
import java.lang.foreign.SymbolLookup;

/**
 * Tells jtreesitter where its core library is: the copy extracted from the bonede jar. Registered in
 * {@code META-INF/services/io.github.treesitter.jtreesitter.NativeLibraryLookup}; without it jtreesitter
 * would look for a system {@code libtree-sitter.so} (and fail, or find Debian's incompatible 0.20).
 */
public final class BundledTreeSitterLookup implements NativeLibraryLookup {

    @Override
    public SymbolLookup get(Arena arena) {
        return SymbolLookup.libraryLookup(NativeBundle.core(), arena);
    }
}
