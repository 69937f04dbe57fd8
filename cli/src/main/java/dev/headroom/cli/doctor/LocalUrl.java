package dev.headroom.cli.doctor;

import java.net.URI;

/** Whether a base URL points at the local proxy on a given port. */
final class LocalUrl {

    private LocalUrl() {
    }

    /** "match", "other-port", "not-local" or "invalid". */
    static String classify(String url, int port) {
        try {
            URI u = URI.create(url.trim());
            String host = u.getHost();
            if (host == null || u.getScheme() == null) {
                return "invalid";
            }
            boolean local = host.equals("127.0.0.1") || host.equals("localhost") || host.equals("[::1]") || host.equals("::1");
            if (!local) {
                return "not-local";
            }
            int p = u.getPort() < 0 ? ("https".equals(u.getScheme()) ? 443 : 80) : u.getPort();
            return p == port ? "match" : "other-port";
        } catch (IllegalArgumentException e) {
            return "invalid";
        }
    }
}
