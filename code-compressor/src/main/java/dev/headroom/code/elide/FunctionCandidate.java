package dev.headroom.code.elide;

import dev.headroom.code.lang.CodeLanguage;
import io.github.treesitter.jtreesitter.Node;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A function whose body may be shortened, with what the budget needs to know about it.
 *
 * @param node       the whole function (signature and body)
 * @param body       the body block
 * @param statements the body's statements (and comments), without braces
 * @param name       the function's name, or empty for anonymous functions
 * @param isPublic   visible outside its file or type, by the language's convention
 * @param calls      the names it calls, with counts, in order of first appearance
 */
record FunctionCandidate(Node node, Node body, List<Node> statements, String name, boolean isPublic,
                         Map<String, Integer> calls) {

    static FunctionCandidate of(Node node, Node body, CodeLanguage language) {
        List<Node> statements = new ArrayList<>();
        for (Node child : body.getChildren()) {
            String t = child.getType();
            if (!t.equals("{") && !t.equals("}")) {
                statements.add(child);
            }
        }
        String name = nameOf(node, language);
        return new FunctionCandidate(node, body, statements, name, isPublic(node, name, language),
                CallNames.collect(body, language));
    }

    int bodyLines() {
        return body.getEndPoint().row() - body.getStartPoint().row() + 1;
    }

    private static String nameOf(Node node, CodeLanguage language) {
        var name = node.getChildByFieldName("name");
        if (name.isPresent()) {
            return name.get().getText();
        }
        var declarator = node.getChildByFieldName("declarator");
        if (declarator.isPresent()) {
            String n = CallNames.lastIdentifier(declarator.get().getText());
            return n == null ? "" : n;
        }
        // An anonymous function takes the name it is assigned to: const f = () => {...}
        var parent = node.getParent();
        if (parent.isPresent()) {
            for (String field : new String[] {"name", "left", "key"}) {
                var n = parent.get().getChildByFieldName(field);
                if (n.isPresent() && n.get().getEndByte() <= node.getStartByte()) {
                    String id = CallNames.lastIdentifier(n.get().getText());
                    return id == null ? "" : id;
                }
            }
        }
        return "";
    }

    private static boolean isPublic(Node node, String name, CodeLanguage language) {
        String head = signatureHead(node);
        return switch (language) {
            case PYTHON -> !name.startsWith("_") || (name.startsWith("__") && name.endsWith("__"));
            case GO -> !name.isEmpty() && Character.isUpperCase(name.charAt(0));
            case RUST -> head.startsWith("pub");
            case JAVA -> head.contains("public") || head.contains("protected");
            case C, CPP -> !head.startsWith("static");
            case JAVASCRIPT, TYPESCRIPT -> node.getParent().map(p -> p.getType().equals("export_statement")).orElse(false)
                    || (!name.startsWith("_") && !name.startsWith("#") && !head.startsWith("private"));
        };
    }

    /** The function's text up to its body (modifiers and signature), cheaply. */
    private static String signatureHead(Node node) {
        String text = node.getText();
        int brace = text.indexOf('{');
        return (brace < 0 ? text : text.substring(0, brace)).strip();
    }
}
