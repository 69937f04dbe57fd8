package dev.headroom.agent;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.security.ProtectionDomain;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;

/**
 * Defines the agent jar's root classes (the bridge and the agent's class loader) straight into the bootstrap
 * loader, instead of appending the jar to the boot class path. An append makes every JVM print "Sharing is only
 * supported for boot loader classes because bootstrap classpath has been appended" and turns class-data sharing
 * off for the application's own classes, which costs every app start-up time. Defining the few classes directly
 * keeps CDS on and the console clean.
 *
 * <p>This class is loaded by a throwaway loader of its own, and {@code jdk.internal.misc} is exported to that
 * loader's module only: the application never gains access to JDK internals. {@link AgentMain} falls back to the
 * append when anything here fails (a future JDK without {@code Unsafe.defineClass}, say).
 */
public final class BootstrapDefiner {

    private BootstrapDefiner() {
    }

    /**
     * Defines every root class of {@code jar} except the entry point and this class in the bootstrap loader.
     * Classes are retried until none is left, so a class is defined after the interfaces it implements.
     *
     * @return how many classes were defined
     * @throws ReflectiveOperationException when the JDK's definer cannot be reached or a class cannot be defined
     */
    public static int defineRootClasses(JarFile jar) throws ReflectiveOperationException, IOException {
        Class<?> unsafeClass = Class.forName("jdk.internal.misc.Unsafe");
        Object unsafe = unsafeClass.getMethod("getUnsafe").invoke(null);
        Method define = unsafeClass.getMethod("defineClass", String.class, byte[].class, int.class, int.class,
                ClassLoader.class, ProtectionDomain.class);
        List<String> pending = new ArrayList<>();
        List<byte[]> bytes = new ArrayList<>();
        for (Enumeration<JarEntry> e = jar.entries(); e.hasMoreElements(); ) {
            JarEntry entry = e.nextElement();
            String name = entry.getName();
            if (!name.endsWith(".class") || name.startsWith("inst/") || name.startsWith("META-INF/")
                    || name.startsWith("dev/headroom/agent/AgentMain") || name.startsWith("dev/headroom/agent/BootstrapDefiner")) {
                continue;
            }
            try (InputStream in = jar.getInputStream(entry)) {
                bytes.add(in.readAllBytes());
            }
            pending.add(name.substring(0, name.length() - ".class".length()).replace('/', '.'));
        }
        int defined = 0;
        boolean progress = true;
        while (!pending.isEmpty() && progress) {
            progress = false;
            for (int i = 0; i < pending.size(); i++) {
                byte[] b = bytes.get(i);
                try {
                    define.invoke(unsafe, pending.get(i), b, 0, b.length, null, null);
                } catch (InvocationTargetException failed) {
                    if (failed.getCause() instanceof NoClassDefFoundError) {
                        continue; // a supertype is not defined yet: next pass
                    }
                    throw failed;
                }
                pending.remove(i);
                bytes.remove(i);
                i--;
                defined++;
                progress = true;
            }
        }
        if (!pending.isEmpty()) {
            throw new ClassNotFoundException("could not define " + pending.get(0) + " in the bootstrap loader");
        }
        return defined;
    }
}
