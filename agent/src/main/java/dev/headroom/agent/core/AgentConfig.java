package dev.headroom.agent.core;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

/**
 * The agent's settings. Each key is looked up in the agent arguments ({@code key=value,key=value}),
 * then the system property {@code headroom.agent.<key>}, then the environment variable
 * {@code HEADROOM_AGENT_<KEY>} (camelCase becomes SNAKE_CASE). Unknown or malformed values fall back to
 * the default with a warning: configuration mistakes must never stop the app.
 */
public final class AgentConfig {

    public static final List<String> KEYS = List.of("enabled", "hosts", "mode", "quiet", "maxBodyBytes",
            "timeBudgetMs", "breakerThreshold", "record", "app", "testFailEngine");

    private final Map<String, String> args;
    private final Properties sys;
    private final Map<String, String> env;
    private final List<String> warnings = new ArrayList<>();

    private AgentConfig(Map<String, String> args, Properties sys, Map<String, String> env) {
        this.args = args;
        this.sys = sys;
        this.env = env;
    }

    public static AgentConfig resolve(String agentArgs, Properties sys, Map<String, String> env) {
        Map<String, String> parsed = new LinkedHashMap<>();
        List<String> warnings = new ArrayList<>();
        if (agentArgs != null) {
            for (String part : agentArgs.split(",")) {
                String p = part.trim();
                if (p.isEmpty()) {
                    continue;
                }
                int eq = p.indexOf('=');
                if (eq <= 0) {
                    warnings.add("ignoring agent argument '" + p + "' (expected key=value)");
                    continue;
                }
                String key = p.substring(0, eq).trim();
                if (!KEYS.contains(key)) {
                    warnings.add("ignoring unknown agent setting '" + key + "' (known: " + String.join(", ", KEYS) + ")");
                    continue;
                }
                parsed.put(key, p.substring(eq + 1).trim());
            }
        }
        AgentConfig c = new AgentConfig(parsed, sys, env);
        c.warnings.addAll(warnings);
        return c;
    }

    /** The raw value of {@code key}, by precedence, or null. */
    public String get(String key) {
        String v = args.get(key);
        if (v == null) {
            v = sys.getProperty("headroom.agent." + key);
        }
        if (v == null) {
            v = env.get(envName(key));
        }
        return v == null || v.isBlank() ? null : v.trim();
    }

    static String envName(String key) {
        return "HEADROOM_AGENT_" + key.replaceAll("([a-z])([A-Z])", "$1_$2").toUpperCase(Locale.ROOT);
    }

    public boolean flag(String key, boolean fallback) {
        String v = get(key);
        if (v == null) {
            return fallback;
        }
        switch (v.toLowerCase(Locale.ROOT)) {
            case "true": case "1": case "yes": case "on":
                return true;
            case "false": case "0": case "no": case "off":
                return false;
            default:
                warnings.add(key + "=" + v + " is not true/false; using " + fallback);
                return fallback;
        }
    }

    public long number(String key, long fallback) {
        String v = get(key);
        if (v == null) {
            return fallback;
        }
        try {
            return Long.parseLong(v);
        } catch (NumberFormatException e) {
            warnings.add(key + "=" + v + " is not a number; using " + fallback);
            return fallback;
        }
    }

    /** The extra LLM hosts from {@code hosts=a:1;b} (also comma-free spaces), never null. */
    public List<String> hosts() {
        String v = get("hosts");
        if (v == null) {
            return Collections.emptyList();
        }
        List<String> out = new ArrayList<>();
        for (String h : v.split("[;\\s]+")) {
            if (!h.isBlank()) {
                out.add(h.trim().toLowerCase(Locale.ROOT));
            }
        }
        return out;
    }

    /** Always lossless for now; balanced is refused with a warning because retrieval is not handled in-app yet. */
    public String mode() {
        String v = get("mode");
        if (v == null || v.equalsIgnoreCase("lossless")) {
            return "lossless";
        }
        if (v.equalsIgnoreCase("balanced") || v.equalsIgnoreCase("lossy") || v.equalsIgnoreCase("token")) {
            warnings.add("mode=" + v + " is not available in the agent yet (the app would receive retrieve-tool calls"
                    + " it does not know); using mode=lossless");
        } else {
            warnings.add("unknown mode '" + v + "' (expected lossless or balanced); using mode=lossless");
        }
        return "lossless";
    }

    public List<String> warnings() {
        return warnings;
    }
}
