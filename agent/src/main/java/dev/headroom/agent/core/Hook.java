package dev.headroom.agent.core;

/**
 * One hook point: at entry of {@code method} (with {@code argCount} parameters, non-static) call the
 * bootstrap bridge. With {@code argIndex >= 0} the argument is replaced by what the bridge returns
 * ({@code HeadroomBridge.rewrite}); with {@code argIndex < 0} the bridge gets {@code this}
 * ({@code HeadroomBridge.customize}, for builders).
 */
record Hook(String method, int argCount, int argIndex, String client) {

    static Hook replaceArgument(String method, int argCount, int argIndex, String client) {
        return new Hook(method, argCount, argIndex, client);
    }

    static Hook customizeThis(String method, String client) {
        return new Hook(method, 0, -1, client);
    }
}
