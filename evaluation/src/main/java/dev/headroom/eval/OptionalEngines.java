package dev.headroom.eval;

import dev.headroom.engine.HeadroomEngine;

import java.lang.reflect.Method;

/**
 * Registers the optional code/prose compressors the same way the CLI does, when its class is on the class
 * path (it is not by default: the evaluation measures the core engine).
 */
final class OptionalEngines {

    private OptionalEngines() {
    }

    static HeadroomEngine register(HeadroomEngine engine) {
        try {
            Class<?> c = Class.forName("dev.headroom.cli.OptionalEngines");
            Method m = c.getDeclaredMethod("register", HeadroomEngine.class);
            m.setAccessible(true);
            return (HeadroomEngine) m.invoke(null, engine);
        } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
            return engine;
        }
    }
}
