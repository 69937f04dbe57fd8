package dev.headroom.agent.scenario;

import java.util.Map;

/** One HTTP client, as an app would use it: POST a body, return the final status code. */
public interface Sender {

    int post(String url, byte[] body, String contentType, Map<String, String> headers) throws Exception;

    default void close() throws Exception {
    }
}
