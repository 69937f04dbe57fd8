package dev.headroom.agent.adapter.apache5;

import dev.headroom.agent.bootstrap.Adapter;
import org.apache.hc.client5.http.impl.async.HttpAsyncClientBuilder;

import java.util.Collections;
import java.util.Map;
import java.util.WeakHashMap;

/** Apache HttpClient 5 async: on {@code HttpAsyncClientBuilder#build()} adds {@link RewriteAsyncExecHandler} first. */
public final class Apache5AsyncCustomizer implements Adapter {

    private final Map<Object, Boolean> customized = Collections.synchronizedMap(new WeakHashMap<>());

    @Override
    public Object apply(Object target) {
        if (target instanceof HttpAsyncClientBuilder && customized.put(target, Boolean.TRUE) == null) {
            ((HttpAsyncClientBuilder) target).addExecInterceptorFirst(Apache5ClassicCustomizer.NAME,
                    new RewriteAsyncExecHandler());
        }
        return target;
    }
}
