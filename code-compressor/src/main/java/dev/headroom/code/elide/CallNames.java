package dev.headroom.code.elide;

import dev.headroom.code.lang.CodeLanguage;
import io.github.treesitter.jtreesitter.Node;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Finds the names of the functions a subtree calls, so an omission comment can say what the hidden code does. */
final class CallNames {

    private static final String[] TARGET_FIELDS = {"function", "name", "macro", "constructor", "type"};
    private static final Pattern GENERIC_ARGS = Pattern.compile("<[^<>]*>|::<[^<>]*>");
    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_$][A-Za-z0-9_$]*");

    private CallNames() {
    }

    /** Call names in {@code node}'s subtree with their counts, in order of first appearance. */
    static Map<String, Integer> collect(Node node, CodeLanguage language) {
        Map<String, Integer> out = new LinkedHashMap<>();
        walk(node, language, out, 0);
        return out;
    }

    private static void walk(Node node, CodeLanguage language, Map<String, Integer> out, int depth) {
        if (depth > BodyElider.MAX_DEPTH) {
            return;
        }
        if (language.isCall(node.getType())) {
            String name = nameOf(node, node.getType());
            if (name != null) {
                out.merge(name, 1, Integer::sum);
            }
        }
        for (Node child : node.getNamedChildren()) {
            walk(child, language, out, depth + 1);
        }
    }

    /** The called name: the last identifier of the callee, without receiver, package or type arguments. */
    static String nameOf(Node call, String callType) {
        for (String field : TARGET_FIELDS) {
            var target = call.getChildByFieldName(field);
            if (target.isPresent()) {
                String name = lastIdentifier(target.get().getText());
                if (name != null && callType.equals("macro_invocation")) {
                    name = name + "!";
                }
                return name;
            }
        }
        return null;
    }

    static String lastIdentifier(String text) {
        if (text == null) {
            return null;
        }
        String t = text;
        for (int i = 0; i < 4 && t.indexOf('<') >= 0; i++) {
            t = GENERIC_ARGS.matcher(t).replaceAll("");
        }
        int paren = t.indexOf('(');
        if (paren >= 0) {
            t = t.substring(0, paren);
        }
        String last = null;
        Matcher m = IDENTIFIER.matcher(t);
        while (m.find()) {
            last = m.group();
        }
        return last;
    }
}
