package dev.headroom.agent;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.lang.instrument.Instrumentation;
import java.util.Map;
import java.util.Set;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;

/**
 * {@code -javaagent} entry point. Only this class, {@link AgentClassLoader} and the bootstrap bridge
 * live at the jar's root; everything else (engine, Jackson, Byte Buddy, adapters) sits under
 * {@code inst/} as {@code .classdata}, loaded by an {@link AgentClassLoader} the app cannot see.
 * Nothing here may throw: any start-up failure leaves the application exactly as it was.
 */
public final class AgentMain {

    // By name: loaded only by its own loader (referring to the class would load a second copy here).
    private static final String DEFINER = "dev.headroom.agent.BootstrapDefiner";

    /**
     * The jar's root classes besides this one and the definer, supertypes first. The agent's build puts exactly
     * these at the root (agent/pom.xml, "agent layout"); naming them spares a walk over the jar's ~1,600 entries
     * at every application start, and one missing here fails every agent integration test.
     */
    static final String[] ROOT_CLASSES = {
        "dev.headroom.agent.AgentClassLoader",
        "dev.headroom.agent.bootstrap.Adapter",
        "dev.headroom.agent.bootstrap.AdapterFactory",
        "dev.headroom.agent.bootstrap.BodyRewriter",
        "dev.headroom.agent.bootstrap.HeadroomBridge",
    };

    private AgentMain() {
    }

    public static void premain(String args, Instrumentation inst) {
        start(args, inst);
    }

    public static void agentmain(String args, Instrumentation inst) {
        start(args, inst);
    }

    private static void start(String args, Instrumentation inst) {
        try {
            if (killSwitchOn(args)) {
                return;
            }
            File jar = new File(AgentMain.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            // The jar's only root classes are this one, the loader and the bridge: they go to the bootstrap
            // loader, which makes the bridge visible from every class loader (java.net.http is in the platform one).
            putRootClassesOnBootstrap(inst, jar);
            // Use the bootstrap's copy of the loader class: the agent's classes resolve that one, not ours.
            ClassLoader loader = (ClassLoader) Class.forName("dev.headroom.agent.AgentClassLoader", true, null)
                    .getConstructor(File.class, ClassLoader.class)
                    .newInstance(jar, ClassLoader.getPlatformClassLoader());
            Class<?> installer = Class.forName("dev.headroom.agent.core.AgentInstaller", true, loader);
            installer.getMethod("install", String.class, Instrumentation.class, ClassLoader.class, File.class)
                    .invoke(null, args, inst, loader, jar);
        } catch (Throwable t) {
            try {
                System.err.println("[headroom-agent] not started (" + t + "); the application runs unchanged");
            } catch (Throwable ignored) {
                // nothing left to do
            }
        }
    }

    /**
     * Defines the root classes in the bootstrap loader through {@link BootstrapDefiner}, loaded by a throwaway
     * loader that alone is given {@code jdk.internal.misc}; falls back to appending the jar to the boot class path
     * (which works everywhere but makes the JVM print a CDS warning and share fewer classes).
     */
    static void putRootClassesOnBootstrap(Instrumentation inst, File jar) throws IOException {
        try (JarFile jarFile = new JarFile(jar)) {
            byte[][] classes = new byte[ROOT_CLASSES.length][];
            for (int i = 0; i < classes.length; i++) {
                classes[i] = read(jarFile, ROOT_CLASSES[i]);
            }
            Class<?> definer = new IsolatedLoader().define(DEFINER, read(jarFile, DEFINER));
            inst.redefineModule(Object.class.getModule(), Set.of(),
                    Map.of("jdk.internal.misc", Set.of(definer.getModule())), Map.of(), Set.of(), Map.of());
            definer.getMethod("define", String[].class, byte[][].class).invoke(null, ROOT_CLASSES, classes);
            return;
        } catch (ReflectiveOperationException | IOException | RuntimeException | LinkageError e) {
            // fall through: the append below works on every JVM (the JVM itself then prints its CDS notice)
        }
        inst.appendToBootstrapClassLoaderSearch(new JarFile(jar));
    }

    /** The bytes of class {@code name} at the root of {@code jar}. */
    static byte[] read(JarFile jar, String name) throws IOException {
        JarEntry entry = jar.getJarEntry(name.replace('.', '/') + ".class");
        if (entry == null) {
            throw new IOException(name + " is not at the root of " + jar.getName());
        }
        try (InputStream in = jar.getInputStream(entry)) {
            return in.readAllBytes();
        }
    }

    /** A loader of its own for {@link BootstrapDefiner}, so that the JDK package it needs is exported to it alone. */
    private static final class IsolatedLoader extends ClassLoader {
        IsolatedLoader() {
            super(null);
        }

        Class<?> define(String name, byte[] bytes) {
            return defineClass(name, bytes, 0, bytes.length);
        }
    }

    /** enabled=false in the agent arguments, else -Dheadroom.agent.enabled, else HEADROOM_AGENT_ENABLED. */
    static boolean killSwitchOn(String args) {
        String value = null;
        if (args != null) {
            for (String part : args.split(",")) {
                String p = part.trim();
                if (p.startsWith("enabled=")) {
                    value = p.substring("enabled=".length());
                }
            }
        }
        if (value == null) {
            value = System.getProperty("headroom.agent.enabled");
        }
        if (value == null) {
            value = System.getenv("HEADROOM_AGENT_ENABLED");
        }
        return value != null && (value.trim().equalsIgnoreCase("false") || value.trim().equals("0")
                || value.trim().equalsIgnoreCase("no") || value.trim().equalsIgnoreCase("off"));
    }
}
