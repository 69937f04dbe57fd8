package dev.headroom.code.lang;

import java.util.Set;

/**
 * The languages the code compressor understands, each described by the tree-sitter node types that
 * matter to it: which nodes are functions (whose bodies may be shortened), which are calls (named in the
 * omission comment), and how a line comment starts.
 */
public enum CodeLanguage {
    PYTHON("python", "tree_sitter_python", "#",
            Set.of("function_definition"),
            Set.of("call")),
    JAVASCRIPT("javascript", "tree_sitter_javascript", "//",
            Set.of("function_declaration", "function_expression", "function", "generator_function_declaration",
                    "generator_function", "method_definition", "arrow_function"),
            Set.of("call_expression", "new_expression")),
    TYPESCRIPT("typescript", "tree_sitter_typescript", "//",
            Set.of("function_declaration", "function_expression", "function", "generator_function_declaration",
                    "generator_function", "method_definition", "arrow_function"),
            Set.of("call_expression", "new_expression")),
    GO("go", "tree_sitter_go", "//",
            Set.of("function_declaration", "method_declaration", "func_literal"),
            Set.of("call_expression")),
    RUST("rust", "tree_sitter_rust", "//",
            Set.of("function_item", "closure_expression"),
            Set.of("call_expression", "macro_invocation")),
    JAVA("java", "tree_sitter_java", "//",
            Set.of("method_declaration", "constructor_declaration", "compact_constructor_declaration", "lambda_expression"),
            Set.of("method_invocation", "object_creation_expression")),
    C("c", "tree_sitter_c", "//",
            Set.of("function_definition"),
            Set.of("call_expression")),
    CPP("cpp", "tree_sitter_cpp", "//",
            Set.of("function_definition", "lambda_expression"),
            Set.of("call_expression", "new_expression"));

    private final String grammar;
    private final String symbol;
    private final String lineComment;
    private final Set<String> functionTypes;
    private final Set<String> callTypes;

    CodeLanguage(String grammar, String symbol, String lineComment, Set<String> functionTypes, Set<String> callTypes) {
        this.grammar = grammar;
        this.symbol = symbol;
        this.lineComment = lineComment;
        this.functionTypes = functionTypes;
        this.callTypes = callTypes;
    }

    /** The grammar library's short name, as in {@code libtree-sitter-<grammar>.so}; also the report label. */
    public String grammar() {
        return grammar;
    }

    /** The C function that returns the grammar's {@code TSLanguage*}. */
    public String symbol() {
        return symbol;
    }

    /** How a comment that runs to the end of the line starts. */
    public String lineComment() {
        return lineComment;
    }

    public boolean isFunction(String nodeType) {
        return functionTypes.contains(nodeType);
    }

    public boolean isCall(String nodeType) {
        return callTypes.contains(nodeType);
    }

    /** True when a function body is an indented block rather than braces. */
    public boolean indentedBodies() {
        return this == PYTHON;
    }
}
