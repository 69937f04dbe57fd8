package dev.headroom.code;

import dev.headroom.engine.transform.Compressor;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Whether the code compressor can run in this JVM, and why not. This class alone is compiled for Java 17
 * (the rest of the module needs Java 22 for the FFM API), so any host can call {@link #probe()}: on an
 * older JVM it reports the engine unavailable without touching a class it could not load.
 */
public final class CodeEngineStatus {

    /** The lowest Java feature release on which jtreesitter (FFM) runs. */
    public static final int REQUIRED_JAVA = 22;

    private static volatile CodeEngineStatus cached;
    /** The natives are warmed up once per process, however often a compressor is asked for. */
    private static final AtomicBoolean WARMING = new AtomicBoolean();

    private final boolean available;
    private final String reason;
    private final List<String> languages;
    private final long loadNanos;

    private CodeEngineStatus(boolean available, String reason, List<String> languages, long loadNanos) {
        this.available = available;
        this.reason = reason;
        this.languages = languages;
        this.loadNanos = loadNanos;
    }

    /** Checks once per process (extracting and loading the natives) and remembers the answer. */
    public static CodeEngineStatus probe() {
        CodeEngineStatus s = cached;
        if (s == null) {
            synchronized (CodeEngineStatus.class) {
                s = cached;
                if (s == null) {
                    s = check();
                    cached = s;
                }
            }
        }
        return s;
    }

    /** The status if a probe has finished, else null; never blocks. */
    public static CodeEngineStatus known() {
        return cached;
    }

    /**
     * A code compressor without waiting for the natives: null below Java 22 or when the classes are missing;
     * otherwise the compressor, with the natives loading on a daemon thread (the first parse waits for
     * them if it comes first). Costs nothing on a request that holds no code.
     */
    public static Compressor lazyCompressor() {
        if (Runtime.version().feature() < REQUIRED_JAVA) {
            return null;
        }
        try {
            Class.forName("io.github.treesitter.jtreesitter.Parser", false, CodeEngineStatus.class.getClassLoader());
            Method create = Class.forName("dev.headroom.code.CodeEngine").getDeclaredMethod("create");
            create.setAccessible(true);
            Compressor compressor = (Compressor) create.invoke(null);
            if (WARMING.compareAndSet(false, true) && cached == null) {
                Thread warmUp = new Thread(CodeEngineStatus::probe, "headroom-tree-sitter-warm-up");
                warmUp.setDaemon(true);
                warmUp.start();
            }
            return compressor;
        } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
            return null;
        }
    }

    @SuppressWarnings("unchecked")
    private static CodeEngineStatus check() {
        int feature = Runtime.version().feature();
        if (feature < REQUIRED_JAVA) {
            return new CodeEngineStatus(false, "needs Java " + REQUIRED_JAVA + "+ (the FFM API); this JVM is Java "
                    + feature + ", so code passes through unchanged", List.of(), 0);
        }
        long start = System.nanoTime();
        try {
            Class<?> engine = Class.forName("dev.headroom.code.CodeEngine");
            Method load = engine.getDeclaredMethod("loadLanguages");
            load.setAccessible(true);
            List<String> languages = (List<String>) load.invoke(null);
            return new CodeEngineStatus(true, "ready: " + String.join(", ", languages), List.copyOf(languages),
                    System.nanoTime() - start);
        } catch (InvocationTargetException e) {
            return unavailable(e.getCause(), start);
        } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
            return unavailable(e, start);
        }
    }

    private static CodeEngineStatus unavailable(Throwable e, long start) {
        return new CodeEngineStatus(false, "tree-sitter could not load: " + e, List.of(), System.nanoTime() - start);
    }

    public boolean available() {
        return available;
    }

    /** Why the engine is (un)available, in words for {@code doctor}. */
    public String reason() {
        return reason;
    }

    /** The grammars that loaded (python, java, ...). */
    public List<String> languages() {
        return languages;
    }

    /** How long the one-time native load took. */
    public long loadNanos() {
        return loadNanos;
    }

    /** A new code compressor, or null when unavailable. */
    public Compressor compressor() {
        if (!available) {
            return null;
        }
        try {
            Method create = Class.forName("dev.headroom.code.CodeEngine").getDeclaredMethod("create");
            create.setAccessible(true);
            return (Compressor) create.invoke(null);
        } catch (ReflectiveOperationException | LinkageError e) {
            return null;
        }
    }

    /** Prints this JVM's status; exits 0 when the engine is available, 3 when not. For diagnostics and tests. */
    public static void main(String[] args) {
        CodeEngineStatus s = probe();
        System.out.println(s);
        System.out.printf("native load: %.0f ms%n", s.loadNanos() / 1e6);
        System.out.println("compressor: " + (s.compressor() == null ? "none" : s.compressor().name()));
        System.exit(s.available() ? 0 : 3);
    }

    @Override
    public String toString() {
        return "code engine " + (available ? "available" : "unavailable") + ": " + reason;
    }
}
