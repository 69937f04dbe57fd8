package dev.headroom.agent.bootstrap;

/**
 * The agent's rewriting service as adapters see it. Lives on the bootstrap class path and uses JDK
 * types only, so adapters defined next to any application class loader can call into the agent.
 */
public interface BodyRewriter {

    /** Cheap host/port/path check; called before any body is read. */
    boolean isLlmEndpoint(String host, int port, String path);

    /**
     * Returns the bytes to send instead of {@code body}, or null to leave the request as it is.
     *
     * @param client       the hooked client, for statistics ("jdk", "okhttp", ...)
     * @param contentType  the request's content type, or null when unknown
     * @param headers      the request's headers, lower-case name to first value (to skip signed bodies)
     */
    byte[] rewrite(String client, String host, String path, String contentType,
                   java.util.Map<String, String> headers, byte[] body);

    /** Largest body the adapters should read, in bytes. */
    long maxBodyBytes();
}
