package dev.headroom.engine.transform.table;

import dev.headroom.engine.transform.TransformContext;
import dev.headroom.engine.transform.TransformResult;
import dev.headroom.engine.transform.text.Lines;
import dev.headroom.engine.transform.text.TextNormalizer;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code mvn dependency:tree} output: each tree ({@link DependencyTree}) in its indent form
 * ({@link DependencyTreeText}), Maven's other lines as they are. Balanced, when that is over the budget:
 * each tree keeps what {@link DependencyTreeSelection} picks within its share of what the other lines
 * leave, behind one marker per tree.
 */
final class DependencyTreeCompressor {

    private DependencyTreeCompressor() {
    }

    /** The compressed output, or null when {@code lines} hold no tree the grammar can write. */
    static TransformResult compress(List<String> lines, boolean trailingNewline, String original, TransformContext context) {
        List<DependencyTree.Span> trees = new ArrayList<>();
        List<String> encoded = new ArrayList<>();
        for (DependencyTree.Span span : DependencyTree.find(lines)) {
            String text = DependencyTreeText.encode(span.nodes());
            if (text != null) {
                trees.add(span);
                encoded.add(text);
            }
        }
        if (trees.isEmpty()) {
            return null;
        }
        String lossless = render(lines, trailingNewline, trees, encoded);
        if (context.lossless() || lossless.length() <= context.maxOutputChars()) {
            return lossless.length() < original.length() ? TransformResult.lossless(lossless, "table.deptree") : null;
        }
        int treeChars = 0;
        for (String e : encoded) {
            treeChars += e.length();
        }
        int others = lossless.length() - treeChars;
        List<String> selected = new ArrayList<>(encoded.size());
        boolean omitted = false;
        for (int t = 0; t < trees.size(); t++) {
            int share = (int) ((long) Math.max(0, context.maxOutputChars() - others) * encoded.get(t).length() / treeChars);
            String s = DependencyTreeSelection.select(trees.get(t).nodes(), Math.max(400, share), context);
            omitted |= s != null;
            selected.add(s != null ? s : encoded.get(t));
        }
        String lossy = render(lines, trailingNewline, trees, selected);
        if (!omitted || lossy.length() >= lossless.length()) {
            return TransformResult.lossless(lossless, "table.deptree");
        }
        return TransformResult.lossy(lossy, "table.deptree+table.deptree.select");
    }

    private static String render(List<String> lines, boolean trailingNewline, List<DependencyTree.Span> trees, List<String> texts) {
        List<String> out = new ArrayList<>(lines.size());
        int i = 0;
        for (int t = 0; t < trees.size(); t++) {
            out.addAll(TextNormalizer.collapseBlankRuns(lines.subList(i, trees.get(t).from())));
            out.add(texts.get(t));
            i = trees.get(t).to();
        }
        out.addAll(TextNormalizer.collapseBlankRuns(lines.subList(i, lines.size())));
        return Lines.join(out, trailingNewline);
    }
}
