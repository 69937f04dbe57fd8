package dev.headroom.agent.core;

import dev.headroom.agent.bootstrap.HeadroomBridge;

import java.lang.management.ManagementFactory;
import java.util.concurrent.atomic.AtomicLong;
import javax.management.ObjectName;

/** Counters behind the JMX MBean. Lock-free; read by JMX clients and the tests' scenario apps. */
public final class AgentStats implements AgentStatsMBean {

    public static final String OBJECT_NAME = "dev.headroom:type=Agent";

    final AtomicLong seen = new AtomicLong();
    final AtomicLong compressed = new AtomicLong();
    final AtomicLong bytesBefore = new AtomicLong();
    final AtomicLong bytesAfter = new AtomicLong();
    final AtomicLong tokensBefore = new AtomicLong();
    final AtomicLong tokensAfter = new AtomicLong();
    final AtomicLong engineFailures = new AtomicLong();
    final AtomicLong engineNanos = new AtomicLong();
    volatile String tokenizer = "";
    volatile CircuitBreaker breaker;

    /** Registers the MBean; failures (no JMX in a trimmed runtime, a second agent) are only logged. */
    void register() {
        try {
            ManagementFactory.getPlatformMBeanServer().registerMBean(this, new ObjectName(OBJECT_NAME));
        } catch (Throwable t) {
            AgentLog.warn("JMX MBean " + OBJECT_NAME + " not registered: " + t);
        }
    }

    @Override
    public long getRequestsSeen() {
        return seen.get();
    }

    @Override
    public long getRequestsCompressed() {
        return compressed.get();
    }

    @Override
    public long getBytesBefore() {
        return bytesBefore.get();
    }

    @Override
    public long getBytesAfter() {
        return bytesAfter.get();
    }

    @Override
    public long getTokensBefore() {
        return tokensBefore.get();
    }

    @Override
    public long getTokensAfter() {
        return tokensAfter.get();
    }

    @Override
    public String getTokenizer() {
        return tokenizer;
    }

    @Override
    public long getErrors() {
        return HeadroomBridge.ERRORS.get();
    }

    @Override
    public long getEngineFailures() {
        return engineFailures.get();
    }

    @Override
    public long getEngineNanos() {
        return engineNanos.get();
    }

    @Override
    public boolean isCircuitOpen() {
        CircuitBreaker b = breaker;
        return b != null && b.isOpen();
    }
}
