package dev.headroom.agent.adapter.apache5;

import dev.headroom.agent.bootstrap.Adapter;
import org.apache.hc.client5.http.impl.classic.HttpClientBuilder;

import java.util.Collections;
import java.util.Map;
import java.util.WeakHashMap;

/**
 * Apache HttpClient 5 classic: on {@code HttpClientBuilder#build()} adds {@link RewriteExecHandler} as the
 * outermost exec interceptor (public API), once per builder.
 */
public final class Apache5ClassicCustomizer implements Adapter {

    static final String NAME = "headroom-rewrite";
    private final Map<Object, Boolean> customized = Collections.synchronizedMap(new WeakHashMap<>());

    @Override
    public Object apply(Object target) {
        if (target instanceof HttpClientBuilder && customized.put(target, Boolean.TRUE) == null) {
            ((HttpClientBuilder) target).addExecInterceptorFirst(NAME, new RewriteExecHandler());
        }
        return target;
    }
}
