package dev.headroom.agent;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.security.ProtectionDomain;

/**
 * Defines the agent jar's root classes (the bridge and the agent's class loader) straight into the bootstrap
 * loader, instead of appending the jar to the boot class path. An append makes every JVM print "Sharing is only
 * supported for boot loader classes because bootstrap classpath has been appended" on the application's console
 * and limits class-data sharing to boot classes. Defining the few classes directly keeps both as they were.
 *
 * <p>This class is loaded by a throwaway loader of its own, and {@code jdk.internal.misc} is exported to that
 * loader's module only: the application never gains access to JDK internals. It references no agent class (its loader
 * sees only the JDK). {@link AgentMain} reads the classes and falls back to the append when anything here fails (a
 * future JDK without {@code Unsafe.defineClass}, say).
 */
public final class BootstrapDefiner {

    private BootstrapDefiner() {
    }

    /**
     * Defines each class in the bootstrap loader, in order (supertypes first). Through a method handle rather than
     * core reflection: on JDK 18+ the first reflective call of a new signature costs ~15 ms of start-up.
     *
     * @throws ReflectiveOperationException when the JDK's definer cannot be reached
     */
    public static void define(String[] names, byte[][] classes) throws ReflectiveOperationException {
        Class<?> unsafeClass = Class.forName("jdk.internal.misc.Unsafe");
        MethodHandles.Lookup lookup = MethodHandles.lookup();
        MethodHandle define = lookup.findVirtual(unsafeClass, "defineClass", MethodType.methodType(Class.class,
                        String.class, byte[].class, int.class, int.class, ClassLoader.class, ProtectionDomain.class))
                .asType(MethodType.methodType(Class.class, Object.class, String.class, byte[].class, int.class, int.class,
                        ClassLoader.class, ProtectionDomain.class));
        try {
            Object unsafe = lookup.findStatic(unsafeClass, "getUnsafe", MethodType.methodType(unsafeClass)).invoke();
            for (int i = 0; i < names.length; i++) {
                Class<?> defined = (Class<?>) define.invokeExact(unsafe, names[i], classes[i], 0, classes[i].length,
                        (ClassLoader) null, (ProtectionDomain) null);
            }
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable t) {
            throw new IllegalStateException(t);
        }
    }
}
