package dev.headroom.cli.doctor;

import java.lang.reflect.Method;
import java.util.Map;
import java.util.Optional;

/**
 * The optional engines: the code compressor (tree-sitter, Java 22+) and the prose compressor (Kompress, an
 * ONNX model). Looked up by name so that the CLI still runs, and says why, when a module is absent; the
 * natives and the model are not loaded here, which keeps doctor fast.
 */
final class EngineChecks {

    private final Map<String, String> env;

    EngineChecks(Map<String, String> env) {
        this.env = env;
    }

    Check code() {
        if ("off".equalsIgnoreCase(env.get("HEADROOM_CODE_COMPRESSOR"))) {
            return Check.skip("code engine", "switched off by HEADROOM_CODE_COMPRESSOR=off", "unset it to compress code");
        }
        if (!present("dev.headroom.code.CodeEngineStatus")) {
            return Check.skip("code engine", "unavailable: the code-compressor module is not in this build",
                    "build with ./mvnw -DskipTests package to include it");
        }
        int feature = Runtime.version().feature();
        if (feature < 22) {
            return Check.skip("code engine", "unavailable: needs Java 22+ (this is Java " + feature + ")", "run headroom on JDK 22 or newer");
        }
        return Check.pass("code engine", "available (Java " + feature + "; tree-sitter grammars load on first use)");
    }

    Check prose() {
        if ("off".equalsIgnoreCase(env.get("HEADROOM_KOMPRESS"))) {
            return Check.skip("prose engine", "switched off by HEADROOM_KOMPRESS=off", "unset it to compress prose");
        }
        if (!present("dev.headroom.prose.model.ModelLocator")) {
            return Check.skip("prose engine", "unavailable: the prose-compressor module is not in this build",
                    "build with ./mvnw -DskipTests package to include it");
        }
        try {
            Class<?> locator = Class.forName("dev.headroom.prose.model.ModelLocator");
            Object l = locator.getConstructor(Map.class).newInstance(env);
            for (String finder : new String[] {"explicit", "cached"}) {
                Method m = locator.getMethod(finder);
                Optional<?> files = (Optional<?>) m.invoke(l);
                if (files.isPresent()) {
                    return Check.pass("prose engine", "Kompress model present: " + files.get());
                }
            }
            String repo = (String) locator.getField("REPO").get(null);
            return Check.skip("prose engine", "unavailable: no Kompress model (" + repo + ") in the Hugging Face cache; prose passes through",
                    "set HEADROOM_KOMPRESS_MODEL=<dir> or let the proxy download it once");
        } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
            return Check.skip("prose engine", "unavailable: " + e, "");
        }
    }

    private static boolean present(String className) {
        try {
            Class.forName(className, false, EngineChecks.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }
}
