package dev.headroom.agent.core;

import dev.headroom.agent.AgentClassLoader;

/**
 * Defines the agent's adapter classes next to one application class loader: adapter classes come from
 * the agent jar, everything else (the app's OkHttp or Apache client, the bootstrap bridge) from the
 * parent. So an adapter binds to whichever client version that loader holds, without injecting
 * anything into the app's own loader.
 */
final class AdapterLoader extends ClassLoader {

    static {
        registerAsParallelCapable();
    }

    static final String ADAPTER_PACKAGE = "dev.headroom.agent.adapter.";

    private final AgentClassLoader agentLoader;

    AdapterLoader(ClassLoader appLoader, AgentClassLoader agentLoader) {
        super("headroom-agent-adapters", appLoader);
        this.agentLoader = agentLoader;
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
        if (!name.startsWith(ADAPTER_PACKAGE)) {
            return super.loadClass(name, resolve);
        }
        synchronized (getClassLoadingLock(name)) {
            Class<?> c = findLoadedClass(name);
            if (c == null) {
                byte[] bytes = agentLoader.classBytes(name);
                if (bytes == null) {
                    throw new ClassNotFoundException(name);
                }
                c = defineClass(name, bytes, 0, bytes.length);
            }
            if (resolve) {
                resolveClass(c);
            }
            return c;
        }
    }
}
