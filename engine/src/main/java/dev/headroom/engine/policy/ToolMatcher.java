package dev.headroom.engine.policy;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/** Matches tool names against names and globs ({@code mcp__*}, {@code ?}), case-insensitively. */
public final class ToolMatcher {

    private final List<Pattern> patterns = new ArrayList<>();

    public ToolMatcher(List<String> namesOrGlobs) {
        for (String g : namesOrGlobs) {
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
        String n = toolName.toLowerCase(Locale.ROOT);
        for (Pattern p : patterns) {
            if (p.matcher(n).matches()) {
                return true;
            }
        }
        return false;
    }
}
