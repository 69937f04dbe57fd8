package dev.headroom.engine.format;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonFactoryBuilder;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.util.JsonRecyclerPools;

/**
 * Jackson factories whose parse and write buffers come from one pool shared by all threads. Jackson's default
 * keeps them per thread, which suits a fixed set of platform threads but not a thread per request: on a virtual
 * thread (the proxy's requests, an app's virtual-thread executor calling through the agent) each request built its
 * own ~16 KB of buffers and kept them for its whole life -- for a stream, minutes.
 */
public final class JsonFactories {

    private JsonFactories() {
    }

    /** A builder with the shared buffer pool set; add constraints and build. */
    public static JsonFactoryBuilder builder() {
        JsonFactoryBuilder b = new JsonFactoryBuilder();
        b.recyclerPool(JsonRecyclerPools.sharedConcurrentDequePool());
        return b;
    }

    /** A factory with Jackson's default limits and the shared buffer pool. */
    public static JsonFactory pooled() {
        return builder().build();
    }

    /** For whole request bodies: no limit on a string's length (a tool output can be megabytes) and deep nesting. */
    public static JsonFactory forBodies() {
        return builder().streamReadConstraints(StreamReadConstraints.builder()
                .maxStringLength(Integer.MAX_VALUE).maxNestingDepth(2000).build()).build();
    }
}
