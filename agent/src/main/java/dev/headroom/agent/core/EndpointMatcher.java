package dev.headroom.agent.core;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Decides whether a request goes to an LLM endpoint. Runs for every request of every hooked client,
 * so it is a few string compares and allocates nothing on the miss path.
 */
public final class EndpointMatcher {

    public static final List<String> DEFAULT_HOSTS = List.of("api.anthropic.com", "api.openai.com");
    static final String[] PATH_SUFFIXES = {"/v1/messages", "/v1/chat/completions", "/v1/responses"};

    private final String[] hosts;
    private final int[] ports;

    public EndpointMatcher(List<String> extraHosts) {
        List<String> all = new ArrayList<>(DEFAULT_HOSTS);
        all.addAll(extraHosts);
        hosts = new String[all.size()];
        ports = new int[all.size()];
        for (int i = 0; i < all.size(); i++) {
            String h = all.get(i).toLowerCase(Locale.ROOT);
            int colon = h.lastIndexOf(':');
            int port = -1;
            if (colon > 0 && h.indexOf(']') < colon) {
                try {
                    port = Integer.parseInt(h.substring(colon + 1));
                    h = h.substring(0, colon);
                } catch (NumberFormatException e) {
                    port = -1;
                }
            }
            if (h.startsWith("[") && h.endsWith("]")) {
                h = h.substring(1, h.length() - 1);
            }
            hosts[i] = h;
            ports[i] = port;
        }
    }

    /** {@code port} is the effective port (the scheme's default when the URL has none). */
    public boolean matches(String host, int port, String path) {
        if (host == null || path == null) {
            return false;
        }
        boolean hostMatch = false;
        for (int i = 0; i < hosts.length && !hostMatch; i++) {
            hostMatch = hosts[i].equalsIgnoreCase(host) && (ports[i] < 0 || ports[i] == port);
        }
        return hostMatch && isLlmPath(path);
    }

    /** The providers' paths, also under a prefix (a gateway's /openai/v1/chat/completions), trailing slash allowed. */
    static boolean isLlmPath(String path) {
        int end = path.length();
        int q = path.indexOf('?');
        if (q >= 0) {
            end = q;
        }
        if (end > 1 && path.charAt(end - 1) == '/') {
            end--;
        }
        for (String suffix : PATH_SUFFIXES) {
            int start = end - suffix.length();
            if (start >= 0 && path.regionMatches(start, suffix, 0, suffix.length())) {
                return true;
            }
        }
        return false;
    }

    /** For the start-up line: "api.anthropic.com, api.openai.com, 127.0.0.1:8080". */
    public String describeHosts() {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < hosts.length; i++) {
            if (i > 0) {
                sb.append(", ");
            }
            sb.append(hosts[i]);
            if (ports[i] >= 0) {
                sb.append(':').append(ports[i]);
            }
        }
        return sb.toString();
    }
}
