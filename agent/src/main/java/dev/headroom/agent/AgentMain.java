package dev.headroom.agent;

import java.io.File;
import java.lang.instrument.Instrumentation;
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
            // The jar's only root classes are this one, the loader and the bridge: appending it makes the
            // bridge visible from every class loader (java.net.http is in the platform loader).
            inst.appendToBootstrapClassLoaderSearch(new JarFile(jar));
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
