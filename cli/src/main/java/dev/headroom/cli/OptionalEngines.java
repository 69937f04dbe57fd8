package dev.headroom.cli;

import dev.headroom.engine.HeadroomEngine;

/**
 * Registers the optional code and prose compressors when they are on the class path and can run here.
 * Until those engines land this returns the engine unchanged.
 */
final class OptionalEngines {

    private OptionalEngines() {
    }

    static HeadroomEngine register(HeadroomEngine engine) {
        return engine;
    }
}
