package dev.headroom.agent.core;

/** What the agent exposes over JMX as {@code dev.headroom:type=Agent}. */
public interface AgentStatsMBean {

    /** Requests to a configured LLM endpoint that reached the engine check. */
    long getRequestsSeen();

    /** Requests sent with a smaller body. */
    long getRequestsCompressed();

    long getBytesBefore();

    long getBytesAfter();

    /** Tool-output tokens of compressed requests, before and after (see {@link #getTokenizer()}). */
    long getTokensBefore();

    long getTokensAfter();

    String getTokenizer();

    /** Hook or adapter failures; the app's original request went out each time. Zero in a healthy run. */
    long getErrors();

    /** Engine failures or time-budget overruns (original body sent). */
    long getEngineFailures();

    boolean isCircuitOpen();

    /** Time spent in the engine for requests that reached it, in nanoseconds (divide by RequestsSeen). */
    long getEngineNanos();
}
