package dev.headroom.cli.proxy;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;

/**
 * One wrapper's use of a proxy: reuse a healthy proxy on the port or start one, register this wrapper, and on
 * {@link #close()} leave; the last wrapper out stops a proxy that a wrapper started (never one the user runs).
 */
public final class ProxySession implements AutoCloseable {

    /** Seconds to wait for a started proxy to be ready ({@code HEADROOM_WRAP_PROXY_TIMEOUT}). */
    static final long DEFAULT_TIMEOUT_SECONDS = 45;

    private final WrapperRegistry registry;
    private final long pid = ProcessHandle.current().pid();
    private final PrintWriter err;
    private boolean closed;

    private ProxySession(WrapperRegistry registry, PrintWriter err) {
        this.registry = registry;
        this.err = err;
    }

    public static ProxySession open(Path headroomHome, int port, String tool, Map<String, String> env, PrintWriter err)
            throws IOException, InterruptedException {
        WrapperRegistry registry = new WrapperRegistry(headroomHome, port);
        ProxySession session = new ProxySession(registry, err);
        ProxyProbe probe = new ProxyProbe(port);
        try {
            registry.locked(() -> {
                if (probe.livez().isPresent()) {
                    err.println("headroom: using the proxy already running on " + probe.baseUrl());
                } else {
                    err.println("headroom: starting a proxy on " + probe.baseUrl() + " (log: "
                            + headroomHome.resolve("logs").resolve("proxy-stdio.log") + ")");
                    err.flush();
                    try {
                        Process p = new ProxyLauncher(headroomHome.resolve("logs"), env)
                                .start(port, timeoutMillis(env));
                        registry.recordStartedProxy(p.pid());
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        throw new IOException("interrupted while starting the proxy", e);
                    }
                }
                registry.join(session.pid, tool);
                return null;
            });
        } catch (IOException e) {
            throw new IOException(e.getMessage() + "\n  start it yourself with `headroom proxy --port " + port
                    + "`, then run the wrap again", e);
        }
        return session;
    }

    private static long timeoutMillis(Map<String, String> env) {
        try {
            return TimeUnit.SECONDS.toMillis(Long.parseLong(env.getOrDefault("HEADROOM_WRAP_PROXY_TIMEOUT",
                    Long.toString(DEFAULT_TIMEOUT_SECONDS))));
        } catch (NumberFormatException e) {
            return TimeUnit.SECONDS.toMillis(DEFAULT_TIMEOUT_SECONDS);
        }
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            registry.locked(() -> {
                registry.leave(pid);
                if (registry.liveWrappers() == 0) {
                    OptionalLong proxy = registry.startedProxy();
                    if (proxy.isPresent()) {
                        stop(proxy.getAsLong());
                        registry.forgetStartedProxy();
                    }
                }
                return null;
            });
        } catch (IOException e) {
            err.println("headroom: could not clean up " + registry.dir() + ": " + e.getMessage());
        }
    }

    private void stop(long proxyPid) {
        ProcessHandle.of(proxyPid).ifPresent(h -> {
            h.destroy();
            try {
                h.onExit().get(10, TimeUnit.SECONDS);
            } catch (Exception e) {
                h.destroyForcibly();
            }
            err.println("headroom: stopped the proxy it started (pid " + proxyPid + ")");
            err.flush();
        });
    }
}
