package dev.headroom.engine;

import dev.headroom.engine.format.WireFormat;

/**
 * Per-request options.
 *
 * @param format            the wire format, or null to detect it
 * @param query             the question to rank kept content by, or null to use the request's latest user text
 * @param forceRetrieveTool append {@code headroom_retrieve} even when this request has no markers (the proxy
 *                          sets it for a session that has used markers, so the tools prefix never changes)
 * @param mode              overrides the settings' mode for this request, or null
 */
public record RequestOptions(WireFormat format, String query, boolean forceRetrieveTool, CompressionMode mode) {

    public static RequestOptions defaults() {
        return new RequestOptions(null, null, false, null);
    }

    public RequestOptions withFormat(WireFormat value) {
        return new RequestOptions(value, query, forceRetrieveTool, mode);
    }

    public RequestOptions withQuery(String value) {
        return new RequestOptions(format, value, forceRetrieveTool, mode);
    }

    public RequestOptions withForceRetrieveTool(boolean value) {
        return new RequestOptions(format, query, value, mode);
    }

    public RequestOptions withMode(CompressionMode value) {
        return new RequestOptions(format, query, forceRetrieveTool, value);
    }
}
