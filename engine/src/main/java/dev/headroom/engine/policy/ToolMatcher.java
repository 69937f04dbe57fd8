package dev.headroom.engine.policy;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/** Matches tool names against names and globs ({@code mcp__*}, {@code ?}), case-insensitively. */
public final class ToolMatcher {

    private final List<Pattern> patterns = new ArrayList<>();
    private final Set<String> exact = new HashSet<>();
    /** Tool names repeat on every turn: remember each answer (bounded by the few names a client uses). */
    private final Map<String, Boolean> answers = new ConcurrentHashMap<>();

    public ToolMatcher(List<String> namesOrGlobs) {
        for (String g : namesOrGlobs) {
            if (g.indexOf('*') < 0 && g.indexOf('?') < 0) {
                exact.add(g.trim().toLowerCase(Locale.ROOT));
                continue;
            }
            StringBuilder re = new StringBuilder();
            for (char c : g.trim().toCharArray()) {
                if (c == '*') {
                    re.append(".*");
                } else if (c == '?') {
                    re.append('.');
                } else {
                    re.append(Pattern.quote(String.valueOf(c)));
                }
            }
            patterns.add(Pattern.compile(re.toString(), Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE));
        }
    }

    public boolean matches(String toolName) {
        if (toolName == null || toolName.isEmpty()) {
            return false;
        }
        Boolean known = answers.get(toolName);
        if (known != null) {
            return known;
        }
        boolean result = compute(toolName);
        if (answers.size() < 10_000) {
            answers.put(toolName, result);
        }
        return result;
    }

    private boolean compute(String toolName) {
        String n = toolName.toLowerCase(Locale.ROOT);
        if (exact.contains(n)) {
            return true;
        }
        for (Pattern p : patterns) {
            if (p.matcher(n).matches()) {
                return true;
            }
        }
        return false;
    }
}
