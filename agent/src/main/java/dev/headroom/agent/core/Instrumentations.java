package dev.headroom.agent.core;

import dev.headroom.agent.bootstrap.HeadroomBridge;

import java.lang.instrument.ClassFileTransformer;
import java.lang.instrument.Instrumentation;
import java.security.ProtectionDomain;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The hook points (see java-agent-hooks.md §1), installed by a plain {@link ClassFileTransformer}: the
 * miss path is one map lookup per loaded class, and the bytecode library is touched only when one of
 * the five hooked classes loads. (A full Byte Buddy AgentBuilder loaded ~830 classes at start-up, about
 * 450 ms of CPU; this loads none until an HTTP client class appears.)
 */
final class Instrumentations implements ClassFileTransformer {

    static final Map<String, List<Hook>> HOOKS = Map.of(
            "jdk/internal/net/http/HttpClientImpl", List.of(
                    // send goes straight to a private sendAsync; the public 2-arg sendAsync calls the 3-arg one,
                    // whose rewritten request is recognised and not compressed twice.
                    Hook.replaceArgument("send", 2, 0, "jdk"),
                    Hook.replaceArgument("sendAsync", 3, 0, "jdk")),
            "okhttp3/OkHttpClient", List.of(Hook.replaceArgument("newCall", 1, 0, "okhttp")),
            "org/apache/http/impl/execchain/ProtocolExec", List.of(Hook.replaceArgument("execute", 4, 1, "apache4")),
            "org/apache/hc/client5/http/impl/classic/HttpClientBuilder", List.of(Hook.customizeThis("build", "apache5-classic")),
            "org/apache/hc/client5/http/impl/async/HttpAsyncClientBuilder", List.of(Hook.customizeThis("build", "apache5-async")));

    private static final boolean DEBUG = Boolean.getBoolean("headroom.agent.debug");

    private Instrumentations() {
    }

    static void install(Instrumentation inst) {
        // java.net.http is a named module: let it read the bootstrap's unnamed module, where the bridge is.
        Optional<Module> http = ModuleLayer.boot().findModule("java.net.http");
        http.ifPresent(m -> inst.redefineModule(m, Set.of(HeadroomBridge.class.getModule()), Map.of(), Map.of(),
                Set.of(), Map.of()));
        Instrumentations transformer = new Instrumentations();
        inst.addTransformer(transformer, true);
        // Late attach, or a class loaded before premain: hook what is already there.
        List<Class<?>> loaded = new ArrayList<>();
        for (Class<?> c : inst.getAllLoadedClasses()) {
            if (HOOKS.containsKey(c.getName().replace('.', '/')) && inst.isModifiableClass(c)) {
                loaded.add(c);
            }
        }
        if (!loaded.isEmpty()) {
            try {
                inst.retransformClasses(loaded.toArray(new Class<?>[0]));
            } catch (Throwable t) {
                HeadroomBridge.ERRORS.incrementAndGet();
                AgentLog.warn("could not hook already loaded " + loaded + ": " + t);
            }
        }
    }

    @Override
    public byte[] transform(ClassLoader loader, String className, Class<?> classBeingRedefined,
                            ProtectionDomain protectionDomain, byte[] classfileBuffer) {
        List<Hook> hooks = className == null ? null : HOOKS.get(className);
        if (hooks == null) {
            return null;
        }
        try {
            if (!seesBridge(loader)) {
                AgentLog.warn(className + " is in a class loader that cannot see the agent's bridge (OSGi? add"
                        + " dev.headroom.agent.bootstrap to org.osgi.framework.bootdelegation); not hooked");
                return null;
            }
            byte[] out = EntryHookWriter.apply(classfileBuffer, className, hooks);
            if (DEBUG && out != null) {
                AgentLog.info("hooked " + className);
            }
            return out;
        } catch (Throwable t) {
            HeadroomBridge.ERRORS.incrementAndGet();
            AgentLog.warn("could not hook " + className + " (" + t + "); its requests go out unchanged");
            return null;
        }
    }

    private static boolean seesBridge(ClassLoader loader) {
        if (loader == null || loader == ClassLoader.getPlatformClassLoader()) {
            return true;
        }
        try {
            return Class.forName(HeadroomBridge.class.getName(), false, loader) == HeadroomBridge.class;
        } catch (Throwable t) {
            return false;
        }
    }
}
