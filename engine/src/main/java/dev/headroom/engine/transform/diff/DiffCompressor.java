package dev.headroom.engine.transform.diff;

import dev.headroom.engine.tokens.TokenEstimator;
import dev.headroom.engine.transform.Compressor;
import dev.headroom.engine.transform.TransformContext;
import dev.headroom.engine.transform.TransformResult;
import dev.headroom.engine.transform.text.Lines;
import dev.headroom.engine.transform.text.TextNormalizer;

import java.util.List;

/**
 * Unified and combined diffs.
 *
 * <p>Lossless: ANSI colours are stripped (trailing whitespace, CRs and blank lines are content in a diff and
 * stay) and git's file headers take their short form ({@link DiffHeaders}). Balanced, when that is still over
 * the output budget: {@link DiffSelection} trims unchanged lines to 2, 1, then 0 around each change, and leaves
 * out whole hunks only when the diff is huge. A failing command's output is selected the same way (a diff has
 * no error lines of its own; context lines that read as errors stay), but never loses a changed line.
 */
public final class DiffCompressor implements Compressor {

    static final double MIN_TOKEN_RATIO = 0.9;

    @Override
    public String name() {
        return "diff";
    }

    @Override
    public boolean selectsAroundErrors() {
        return true;
    }

    @Override
    public TransformResult compress(String text, TransformContext context) {
        String plain = TextNormalizer.stripAnsi(text);
        Lines lines = Lines.of(plain);
        List<String> folded = DiffHeaders.fold(lines.lines());
        String lossless = folded == lines.lines() ? plain : Lines.join(folded, lines.trailingNewline());
        TransformResult losslessResult = lossless.equals(text) ? null
                : TransformResult.lossless(lossless, losslessName(plain != text, folded != lines.lines()));
        if (context.lossless() || lossless.length() <= context.maxOutputChars()) {
            return losslessResult;
        }
        DiffSelection.Selection selected = DiffSelection.select(folded, context);
        String result = Lines.join(selected.lines(), lines.trailingNewline());
        // the shared estimate overcounts indented code (the context that went) next to markers (which came):
        // a selection must look clearly smaller to be smaller in real tokens
        if (result.length() >= lossless.length() || !result.contains(context.originalHash())
                || TokenEstimator.estimate(result) > TokenEstimator.estimate(lossless) * MIN_TOKEN_RATIO) {
            return losslessResult;
        }
        return TransformResult.lossy(result, selected.hunksDropped() ? "diff.context+diff.hunks" : "diff.context");
    }

    private static String losslessName(boolean ansi, boolean headers) {
        if (ansi && headers) {
            return "diff.ansi+diff.headers";
        }
        return ansi ? "diff.ansi" : "diff.headers";
    }
}
