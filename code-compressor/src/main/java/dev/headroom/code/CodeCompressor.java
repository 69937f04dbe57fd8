package dev.headroom.code;

import dev.headroom.code.elide.BodyElider;
import dev.headroom.code.elide.Edit;
import dev.headroom.code.lang.CodeLanguage;
import dev.headroom.code.lang.Grammars;
import dev.headroom.code.lang.LanguageGuesser;
import dev.headroom.engine.CompressionMode;
import dev.headroom.engine.ccr.Markers;
import dev.headroom.engine.transform.Compressor;
import dev.headroom.engine.transform.TransformContext;
import dev.headroom.engine.transform.TransformResult;
import io.github.treesitter.jtreesitter.InputEncoding;
import io.github.treesitter.jtreesitter.Parser;
import io.github.treesitter.jtreesitter.Tree;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Shortens source code along its syntax tree (tree-sitter): keeps imports, type and class shells,
 * signatures, annotations and decorators, and the first line of doc comments; replaces function bodies
 * beyond a small budget with a one-line comment in the language's own syntax, e.g.
 * {@code // [headroom: 14 lines omitted; headroom_retrieve hash=…] calls: load, parse, +2 more}.
 *
 * <p>Returns null (the engine keeps the original) in lossless mode, for texts under 50 words, when no
 * language parses the text cleanly, when the output would not re-parse cleanly, or when the
 * saving is too small. When the latest question asks to analyze, review, explain, fix or debug, code that
 * parses is returned unchanged ({@code code.ast.protected}), so no other compressor shortens it either.
 * Deterministic: the same text and context give the same output.
 *
 * <p>Not done here: the reference's {@code protect_recent_code=4} (no compression of code in the last four
 * messages) needs the unit's message position, which {@link TransformContext} does not carry. Because the
 * engine memoizes the first decision for each unit, such a rule could only be applied as "do not decide
 * yet" (no memo entry) for recent units, so that a later turn decides once the unit is old enough.
 */
public final class CodeCompressor implements Compressor {

    /** Outputs that keep more than this share of the input are not worth their markers. */
    private static final double MAX_KEPT_SHARE = 0.9;
    private static final int MAX_LANGUAGES_TRIED = 3;
    /** Larger texts are left alone: two parses of them would eat the request's time budget. */
    static final int MAX_CHARS = 500_000;

    private final ProtectionRules rules;

    public CodeCompressor() {
        this(new ProtectionRules(true));
    }

    public CodeCompressor(ProtectionRules rules) {
        this.rules = rules;
    }

    @Override
    public String name() {
        return "code.ast";
    }

    @Override
    public TransformResult compress(String text, TransformContext context) {
        if (context.lossless() || context.mode() == CompressionMode.LOSSLESS || Markers.containsMarker(text)) {
            return null;
        }
        if (text.length() > MAX_CHARS || rules.tooSmall(text)) {
            return null;
        }
        CodeEngineStatus status = CodeEngineStatus.known();
        if (status != null && !status.available()) {
            return null; // the natives did not load here; do not retry on every unit
        }
        boolean protect = rules.analysisRequested(context.query());
        List<CodeLanguage> candidates = LanguageGuesser.rank(text);
        int tried = 0;
        for (CodeLanguage language : candidates) {
            if (tried++ == MAX_LANGUAGES_TRIED) {
                break;
            }
            if (protect) {
                // Code the user asked about stays whole. Answering with the text itself (rather than null)
                // also keeps later compressors in a chain (Kompress) from shortening it as prose.
                if (parsesCleanlySafely(text, language)) {
                    return TransformResult.lossless(text, name() + ".protected");
                }
                continue;
            }
            Attempt a = attempt(text, language, context);
            if (a.parsed()) {
                return a.result();
            }
        }
        return null;
    }

    /** Compresses text known to be in {@code language}; null when it does not parse or nothing is saved. */
    public TransformResult compress(String text, CodeLanguage language, TransformContext context) {
        if (context.lossless() || context.mode() == CompressionMode.LOSSLESS || Markers.containsMarker(text)) {
            return null;
        }
        return attempt(text, language, context).result();
    }

    private record Attempt(boolean parsed, TransformResult result) {
    }

    private Attempt attempt(String text, CodeLanguage language, TransformContext context) {
        try {
            return attemptOrThrow(text, language, context);
        } catch (RuntimeException | LinkageError | StackOverflowError | AssertionError e) {
            // Fail-open: the engine keeps the original. (jtreesitter reports some native failures as AssertionError.)
            return new Attempt(true, null);
        }
    }

    private Attempt attemptOrThrow(String text, CodeLanguage language, TransformContext context) {
        byte[] source = text.getBytes(StandardCharsets.UTF_8);
        String output;
        try (Parser parser = new Parser(Grammars.of(language));
             Tree tree = parser.parse(text, InputEncoding.UTF_8).orElse(null)) {
            if (tree == null || tree.getRootNode().hasError()) {
                return new Attempt(false, null);
            }
            List<Edit> edits = BodyElider.plan(tree, source, language, context);
            if (edits.isEmpty()) {
                return new Attempt(true, null);
            }
            output = Edit.apply(source, edits);
        }
        if (output.length() > MAX_KEPT_SHARE * text.length() || !parsesCleanly(output, language)) {
            return new Attempt(true, null);
        }
        return new Attempt(true, TransformResult.lossy(output, name() + "." + language.grammar()));
    }

    private static boolean parsesCleanlySafely(String text, CodeLanguage language) {
        try {
            return parsesCleanly(text, language);
        } catch (RuntimeException | LinkageError e) {
            return false;
        }
    }

    /** True when {@code text} parses in {@code language} without an error or missing node. */
    public static boolean parsesCleanly(String text, CodeLanguage language) {
        try (Parser parser = new Parser(Grammars.of(language));
             Tree tree = parser.parse(text, InputEncoding.UTF_8).orElse(null)) {
            return tree != null && !tree.getRootNode().hasError();
        }
    }
}
