package dev.headroom.agent;

import java.io.File;
import java.io.IOException;
import java.lang.instrument.Instrumentation;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.Map;
import java.util.Set;
import java.util.jar.JarFile;

/**
 * {@code -javaagent} entry point. Only this class, {@link AgentClassLoader} and the bootstrap bridge
 * live at the jar's root; everything else (engine, Jackson, Byte Buddy, adapters) sits under
 * {@code inst/} as {@code .classdata}, loaded by an {@link AgentClassLoader} the app cannot see.
 * Nothing here may throw: any start-up failure leaves the application exactly as it was.
 */
public final class AgentMain {

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
        try (JarFile jarFile = new JarFile(jar);
             URLClassLoader isolated = new URLClassLoader(new URL[] {jar.toURI().toURL()}, null)) {
            Class<?> definer = Class.forName("dev.headroom.agent.BootstrapDefiner", true, isolated);
            inst.redefineModule(Object.class.getModule(), Set.of(),
                    Map.of("jdk.internal.misc", Set.of(definer.getModule())), Map.of(), Set.of(), Map.of());
            definer.getMethod("defineRootClasses", JarFile.class).invoke(null, jarFile);
            return;
        } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
            // fall through: the append below works on every JVM (the JVM itself then prints its CDS notice)
        }
        inst.appendToBootstrapClassLoaderSearch(new JarFile(jar));
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
