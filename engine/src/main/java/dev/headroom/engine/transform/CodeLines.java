package dev.headroom.engine.transform;

/**
 * Whether one line reads like source code, for the content detector. A fragment that starts in the middle of a
 * function ({@code sed -n '1540,1640p' big_module.py}, {@code head -n 80}) has no {@code def} or {@code import} in
 * sight, so besides declaration keywords this also counts statement shapes: a line ending like a statement or a
 * block ({@code ;}, {@code {}, an indented Python {@code if ...:}), an indented assignment or call, control flow
 * ({@code return}, {@code raise}, {@code continue}), indented comments, decorators. {@code cat -n} line numbers are
 * looked past. YAML ({@code key: value}) and prose match none of these.
 */
final class CodeLines {

    private static final String[] KEYWORDS = {
        "import ", "package ", "from ", "def ", "class ", "public ", "private ", "protected ", "static ", "func ",
        "fn ", "pub ", "impl ", "use ", "#include", "const ", "let ", "var ", "function ", "export ", "return ",
        "interface ", "type ", "enum ", "struct ", "async ", "if (", "for (", "while (", "module.exports", "namespace ",
        "using ", "template<", "#define", "val ", "object ", "trait ", "match ", "elif ", "else:", "try:", "except ",
        "raise ", "yield ", "assert ", "finally:", "switch (", "case ", "default:", "throw ", "catch (", "} else",
        "await ", "self.", "this.",
    };
    private static final String[] BLOCK_OPENERS = {"if ", "for ", "while ", "with ", "elif ", "except", "else", "try",
        "finally", "def ", "class ", "async ", "match ", "case "};
    private static final String[] BARE_STATEMENTS = {"pass", "break", "continue", "return", "}", "};", "});", "})", ")",
        "];", "end"};

    private CodeLines() {
    }

    static boolean isCodeLine(String line) {
        String body = withoutLineNumber(line);
        String t = body.strip();
        if (t.isEmpty() || isPlanChange(t)) {
            return false;
        }
        for (String k : KEYWORDS) {
            if (t.startsWith(k)) {
                return true;
            }
        }
        for (String s : BARE_STATEMENTS) {
            if (t.equals(s)) {
                return true;
            }
        }
        char last = t.charAt(t.length() - 1);
        if (last == ';' || last == '{' || (t.startsWith("@") && !t.contains(" ")) || t.startsWith("#[")) {
            return true;
        }
        boolean indented = body.length() > t.length() && (body.charAt(0) == ' ' || body.charAt(0) == '\t');
        if (!indented) {
            return false;
        }
        if (last == ':' && startsWithAny(t, BLOCK_OPENERS)) {
            return true; // a Python block: YAML keys end with ':' too, but do not start with these words
        }
        if (t.startsWith("# ") || t.startsWith("// ") || t.startsWith("/*") || t.startsWith("* ") || t.startsWith("\"\"\"")) {
            return true;
        }
        if (t.startsWith(".") && t.length() > 1 && Character.isJavaIdentifierStart(t.charAt(1))) {
            return true; // a chained call: .map(...)
        }
        return assignmentOrCall(t);
    }

    /** {@code x = f(y)}, {@code total += price}, {@code foo(bar)}, {@code x: int = 3}: an identifier, then = or (. */
    private static boolean assignmentOrCall(String t) {
        int i = 0;
        while (i < t.length() && (Character.isJavaIdentifierPart(t.charAt(i)) || t.charAt(i) == '.' || t.charAt(i) == '['
                || t.charAt(i) == ']' || t.charAt(i) == '"' || t.charAt(i) == '\'')) {
            i++;
        }
        if (i == 0 || !Character.isJavaIdentifierStart(t.charAt(0))) {
            return false;
        }
        if (i < t.length() && t.charAt(i) == '(') {
            char end = t.charAt(t.length() - 1);
            return end == ')' || end == '(' || end == ',';
        }
        while (i < t.length() && t.charAt(i) == ' ') {
            i++;
        }
        if (i + 1 < t.length() && t.charAt(i) == '=' && t.charAt(i + 1) != '=') {
            return true;
        }
        return i + 2 < t.length() && "+-*/|&".indexOf(t.charAt(i)) >= 0 && t.charAt(i + 1) == '=';
    }

    /**
     * A line of a plan or a diff in HCL-like syntax ({@code terraform plan}'s {@code ~ engine_version = "15.8" -> "16.3"},
     * {@code + resource "aws_db_instance" "replica" {}): a report of changes, not code the agent is editing.
     */
    static boolean isPlanChange(String t) {
        return t.startsWith("~ ") || t.startsWith("+ ") || t.startsWith("- ") || t.startsWith("-/+ ") || t.startsWith("+/- ")
                || t.startsWith("<= ") || t.contains(" -> ");
    }

    private static boolean startsWithAny(String t, String[] prefixes) {
        for (String p : prefixes) {
            if (t.startsWith(p)) {
                return true;
            }
        }
        return false;
    }

    /** The line without a {@code cat -n} prefix (blanks, a number, a tab). */
    private static String withoutLineNumber(String line) {
        int i = 0;
        while (i < line.length() && line.charAt(i) == ' ') {
            i++;
        }
        int digits = i;
        while (i < line.length() && Character.isDigit(line.charAt(i))) {
            i++;
        }
        return i > digits && i < line.length() && line.charAt(i) == '\t' ? line.substring(i + 1) : line;
    }
}
