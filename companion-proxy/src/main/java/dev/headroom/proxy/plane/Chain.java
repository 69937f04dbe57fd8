package dev.headroom.proxy.plane;

import java.io.IOException;
import java.util.List;

/** The rest of the data plane after the current stage. */
final class Chain {

    private final List<Stage> stages;
    private final int index;

    Chain(List<Stage> stages, int index) {
        this.stages = stages;
        this.index = index;
    }

    /** Runs the next stage; after the last one there is nothing left to do. */
    void proceed(Flight flight) throws IOException, InterruptedException {
        if (index < stages.size()) {
            stages.get(index).run(flight, new Chain(stages, index + 1));
        }
    }
}
