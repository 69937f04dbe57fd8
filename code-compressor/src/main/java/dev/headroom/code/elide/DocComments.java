package dev.headroom.code.elide;

import io.github.treesitter.jtreesitter.Node;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Shortens long documentation to its first line: block comments ({@code /** ... *}{@code /} docs,
 * license headers) and Python docstrings. The first line is usually the summary a reader needs; the rest stays retrievable through the
 * marker placed inside the shortened doc.
 */
final class DocComments {

    /** Docs shorter than this many lines are left alone: shortening them would save little. */
    static final int MIN_LINES = 4;

    private static final Pattern PY_OPEN = Pattern.compile("^([rRbBuUfF]{0,2})(\"\"\"|''')");

    private DocComments() {
    }

    static int lines(Node node) {
        return node.getEndPoint().row() - node.getStartPoint().row() + 1;
    }

    /** True for a Python docstring statement: an expression statement holding only a string. */
    static boolean isPythonDocstring(Node statement) {
        if (!statement.getType().equals("expression_statement") || statement.getNamedChildCount() != 1) {
            return false;
        }
        return statement.getNamedChild(0).map(n -> n.getType().equals("string")).orElse(false);
    }

    /** The shortened docstring, or null when it cannot be shortened safely. */
    static String shortenPython(String text, String marker) {
        Matcher open = PY_OPEN.matcher(text);
        if (!open.find()) {
            return null;
        }
        String quote = open.group(2);
        String prefix = open.group(1);
        if (!text.endsWith(quote) || text.length() < 2 * quote.length() + prefix.length()) {
            return null;
        }
        String body = text.substring(open.end(), text.length() - quote.length());
        String first = firstLine(body, false);
        if (first == null || prefix.toLowerCase().contains("f")) {
            return null;
        }
        return prefix + quote + first + " " + marker + quote;
    }

    /** True for a block comment ({@code /** doc *}{@code /}, or a license header) in a C-family language. */
    static boolean isBlockDoc(Node node) {
        if (!node.getType().contains("comment")) {
            return false;
        }
        String text = node.getText();
        return text.startsWith("/*") && text.endsWith("*/") && text.length() >= 4;
    }

    static String shortenBlock(String text, String marker) {
        String open = text.startsWith("/**") && !text.startsWith("/**/") ? "/**" : "/*";
        String body = text.substring(open.length(), text.length() - 2);
        String first = firstLine(body, true);
        if (first == null) {
            return null;
        }
        return open + " " + first + " " + marker + " */";
    }

    private static String firstLine(String body, boolean starPrefixed) {
        for (String line : body.split("\n")) {
            String t = line.strip();
            if (starPrefixed) {
                while (t.startsWith("*")) {
                    t = t.substring(1).strip();
                }
            }
            while (t.endsWith("\\")) {
                t = t.substring(0, t.length() - 1).strip();
            }
            if (!t.isEmpty()) {
                return t;
            }
        }
        return null;
    }
}
