package dev.headroom.agent.core;

import dev.headroom.agent.AgentClassLoader;
import dev.headroom.agent.bootstrap.Adapter;
import dev.headroom.agent.bootstrap.AdapterFactory;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Finds the adapter for a hooked client class. Cached per hooked class in a {@link ClassValue}, which
 * does not keep the app's class loader alive. The JDK adapter lives in the agent loader itself (its
 * parent, the platform loader, defines java.net.http).
 */
final class AdapterRegistry implements AdapterFactory {

    static final Map<String, String> ADAPTERS = Map.of(
            "jdk", "dev.headroom.agent.adapter.jdk.JdkHttpAdapter",
            "okhttp", "dev.headroom.agent.adapter.okhttp.OkHttpAdapter",
            "apache4", "dev.headroom.agent.adapter.apache4.Apache4Adapter",
            "apache5-classic", "dev.headroom.agent.adapter.apache5.Apache5ClassicCustomizer",
            "apache5-async", "dev.headroom.agent.adapter.apache5.Apache5AsyncCustomizer");

    /** Marks a client whose adapter could not be created, so we do not retry on every request. */
    private static final Adapter NONE = target -> target;

    private final AgentClassLoader agentLoader;
    private final ClassValue<Map<String, Adapter>> perClass = new ClassValue<>() {
        @Override
        protected Map<String, Adapter> computeValue(Class<?> type) {
            return new ConcurrentHashMap<>();
        }
    };

    AdapterRegistry(AgentClassLoader agentLoader) {
        this.agentLoader = agentLoader;
    }

    @Override
    public Adapter adapterFor(String client, Class<?> origin) {
        if (origin == null) {
            return null;
        }
        Adapter a = perClass.get(origin).computeIfAbsent(client, c -> create(c, origin));
        return a == NONE ? null : a;
    }

    private Adapter create(String client, Class<?> origin) {
        String name = ADAPTERS.get(client);
        if (name == null) {
            return NONE;
        }
        try {
            ClassLoader app = origin.getClassLoader();
            ClassLoader definer = client.equals("jdk") || app == null ? agentLoader : new AdapterLoader(app, agentLoader);
            return (Adapter) Class.forName(name, true, definer).getConstructor().newInstance();
        } catch (Throwable t) {
            AgentLog.warn("no " + client + " support for " + origin.getName() + " (" + t + "); its requests go out unchanged");
            return NONE;
        }
    }
}
