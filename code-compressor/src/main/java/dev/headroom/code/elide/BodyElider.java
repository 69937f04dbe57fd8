package dev.headroom.code.elide;

import dev.headroom.code.lang.CodeLanguage;
import dev.headroom.engine.tokens.TokenEstimator;
import dev.headroom.engine.transform.TransformContext;
import io.github.treesitter.jtreesitter.Node;
import io.github.treesitter.jtreesitter.Tree;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Plans the edits that shorten a parsed source file: function bodies beyond their line budget become a
 * one-line comment (with the omitted line count, the calls made and the retrieval marker), long doc
 * comments keep their first line. Imports, type and class shells, signatures, annotations and decorators
 * are never touched: they lie outside every edited range.
 * How many lines of each body stay is {@link LineBudget}'s decision.
 */
public final class BodyElider {

    /** A body is shortened only when at least this many lines would go: a marker costs about one line. */
    static final int MIN_OMITTED_LINES = 4;
    /** Declarations are found this deep at most; deeper nodes are expressions, never walked. */
    static final int MAX_DEPTH = 200;
    /** ... and only when the omitted code costs at least this many times the comment's tokens. */
    static final double MIN_TOKEN_GAIN = 1.5;
    /** A function spanning more than this share of a file is a wrapper (IIFE, module closure): look inside. */
    private static final double CONTAINER_SHARE = 0.6;

    private final CodeLanguage language;
    private final TransformContext context;
    private final byte[] source;
    private final List<FunctionCandidate> candidates = new ArrayList<>();
    private final List<Edit> edits = new ArrayList<>();
    private int totalLines;

    private BodyElider(CodeLanguage language, TransformContext context, byte[] source) {
        this.language = language;
        this.context = context;
        this.source = source;
    }

    /** The edits for {@code tree}, parsed from {@code source} (UTF-8). Empty when nothing is worth shortening. */
    public static List<Edit> plan(Tree tree, byte[] source, CodeLanguage language, TransformContext context) {
        BodyElider e = new BodyElider(language, context, source);
        Node root = tree.getRootNode();
        e.totalLines = root.getEndPoint().row() + 1;
        e.visit(root, true, 0);
        e.shortenBodies();
        return e.edits;
    }

    private void visit(Node node, boolean blockStart, int depth) {
        if (depth > MAX_DEPTH) {
            return; // deeper than any real declaration nests: leave it as it is
        }
        String type = node.getType();
        if (language.isFunction(type)) {
            Node body = node.getChildByFieldName("body").orElse(null);
            if (body != null && isBlock(body)) {
                int lines = DocComments.lines(node);
                if (totalLines > 30 && lines > CONTAINER_SHARE * totalLines) {
                    int candidatesBefore = candidates.size();
                    int editsBefore = edits.size();
                    visitChildren(body, depth + 1);
                    if (candidates.size() > candidatesBefore) {
                        return;
                    }
                    // No function inside after all: shorten this one as a whole, without the doc edits made inside it.
                    edits.subList(editsBefore, edits.size()).clear();
                }
                candidates.add(FunctionCandidate.of(node, body, language));
                return;
            }
        }
        if (DocComments.isBlockDoc(node) && DocComments.lines(node) >= DocComments.MIN_LINES) {
            String shorter = DocComments.shortenBlock(node.getText(), marker(DocComments.lines(node) - 1));
            if (shorter != null && worthIt(node.getText(), shorter)) {
                edits.add(new Edit(node.getStartByte(), node.getEndByte(), shorter));
            }
            return;
        }
        if (language == CodeLanguage.PYTHON && blockStart && DocComments.isPythonDocstring(node)) {
            shortenPythonDocstring(node);
            return;
        }
        visitChildren(node, depth + 1);
    }

    private void visitChildren(Node node, int depth) {
        boolean first = true;
        List<Node> run = new ArrayList<>();
        for (Node child : node.getNamedChildren()) {
            if (continuesLineCommentRun(run, child)) {
                run.add(child);
                continue;
            }
            shortenLineCommentRun(run);
            run.clear();
            if (isLineComment(child)) {
                run.add(child);
                continue;
            }
            // A docstring is the first statement of a module or class body.
            boolean blockStart = first && (node.getType().equals("module") || node.getType().equals("block"));
            visit(child, blockStart, depth);
            if (!child.getType().equals("comment")) {
                first = false;
            }
        }
        shortenLineCommentRun(run);
    }

    private boolean isLineComment(Node node) {
        return node.getType().contains("comment") && node.getText().startsWith(language.lineComment());
    }

    private boolean continuesLineCommentRun(List<Node> run, Node node) {
        if (run.isEmpty() || !isLineComment(node)) {
            return false;
        }
        Node last = run.get(run.size() - 1);
        int lastRow = last.getEndPoint().column() == 0 ? last.getEndPoint().row() - 1 : last.getEndPoint().row();
        return node.getStartPoint().row() == lastRow + 1;
    }

    /** A run of line comments (Go and Rust docs, license headers) keeps its first line and a marker. */
    private void shortenLineCommentRun(List<Node> run) {
        if (run.size() < DocComments.MIN_LINES) {
            return;
        }
        Node first = run.get(0);
        Node last = run.get(run.size() - 1);
        String firstLine = first.getText().stripTrailing();
        String replacement = firstLine + " " + marker(run.size() - 1);
        if (last.getText().endsWith("\n")) {
            replacement += "\n"; // some grammars (Rust) put the line end inside the comment node
        }
        String original = new String(source, first.getStartByte(), last.getEndByte() - first.getStartByte(), StandardCharsets.UTF_8);
        if (firstLine.endsWith("\\") || !worthIt(original, replacement)) {
            return; // a trailing backslash would continue the comment onto the next line in C
        }
        edits.add(new Edit(first.getStartByte(), last.getEndByte(), replacement));
    }

    private void shortenPythonDocstring(Node statement) {
        int lines = DocComments.lines(statement);
        if (lines >= DocComments.MIN_LINES) {
            String shorter = DocComments.shortenPython(statement.getText(), marker(lines - 1));
            if (shorter != null && worthIt(statement.getText(), shorter)) {
                edits.add(new Edit(statement.getStartByte(), statement.getEndByte(), shorter));
            }
        }
    }

    private boolean isBlock(Node body) {
        if (language.indentedBodies()) {
            return body.getType().equals("block");
        }
        return body.getChildCount() >= 2 && body.getChild(0).map(n -> n.getType().equals("{")).orElse(false);
    }

    private void shortenBodies() {
        int[] allotted = LineBudget.allot(candidates, totalLines, context.query());
        for (int i = 0; i < candidates.size(); i++) {
            shorten(candidates.get(i), allotted[i]);
        }
    }

    private void shorten(FunctionCandidate c, int allottedLines) {
        List<Node> statements = c.statements();
        int from = 0;
        Node doc = null;
        if (language == CodeLanguage.PYTHON && !statements.isEmpty() && DocComments.isPythonDocstring(statements.get(0))) {
            doc = statements.get(0);
            from = 1;
        }
        int kept = from;
        while (kept < statements.size()) {
            int used = statements.get(kept).getEndPoint().row() - statements.get(from).getStartPoint().row() + 1;
            if (used > allottedLines) {
                break;
            }
            kept++;
        }
        if (kept >= statements.size()) {
            return;
        }
        Node first = statements.get(kept);
        Node last = statements.get(statements.size() - 1);
        int omitted = last.getEndPoint().row() - first.getStartPoint().row() + 1;
        if (omitted < MIN_OMITTED_LINES) {
            return;
        }
        StringBuilder comment = new StringBuilder();
        boolean nothingLeft = kept == 0;
        if (language == CodeLanguage.PYTHON && nothingLeft) {
            comment.append("pass  ");
        }
        comment.append(language.lineComment()).append(' ').append(marker(omitted)).append(callSummary(c));
        int end = last.getEndByte();
        String omittedText = new String(source, first.getStartByte(), end - first.getStartByte(), StandardCharsets.UTF_8);
        if (!worthIt(omittedText, comment)) {
            return;
        }
        if (!restOfLineBlank(end)) {
            // Something (a closing brace) follows on the same line: move it below the line comment.
            comment.append('\n').append(indentOf(c.node().getStartByte()));
        }
        if (doc != null) {
            shortenPythonDocstring(doc);
        }
        edits.add(new Edit(first.getStartByte(), end, comment.toString()));
    }

    /** False when the replacement would cost nearly as many tokens as the text it replaces. */
    private static boolean worthIt(CharSequence original, CharSequence replacement) {
        return TokenEstimator.estimate(original) >= MIN_TOKEN_GAIN * TokenEstimator.estimate(replacement);
    }

    private String callSummary(FunctionCandidate c) {
        Map<String, Integer> calls = c.calls();
        if (calls.isEmpty()) {
            return "";
        }
        List<String> names = new ArrayList<>(calls.keySet());
        int shown = Math.min(4, names.size());
        StringBuilder s = new StringBuilder(" calls: ").append(String.join(", ", names.subList(0, shown)));
        if (names.size() > shown) {
            s.append(", +").append(names.size() - shown).append(" more");
        }
        return s.toString();
    }

    private String marker(long lines) {
        return context.marker(lines, "lines");
    }

    private boolean restOfLineBlank(int from) {
        for (int i = from; i < source.length; i++) {
            byte b = source[i];
            if (b == '\n' || b == '\r') {
                return true;
            }
            if (b != ' ' && b != '\t') {
                return false;
            }
        }
        return true;
    }

    private String indentOf(int offset) {
        int lineStart = offset;
        while (lineStart > 0 && source[lineStart - 1] != '\n') {
            lineStart--;
        }
        int i = lineStart;
        while (i < source.length && (source[i] == ' ' || source[i] == '\t')) {
            i++;
        }
        return new String(source, lineStart, i - lineStart, StandardCharsets.UTF_8);
    }
}
