package dev.headroom.dialects;

import dev.headroom.dialects.retrieve.JsonRounds;
import dev.headroom.dialects.retrieve.StreamRounds;
import dev.headroom.dialects.retrieve.ClientSink;
import dev.headroom.engine.format.WireFormat;

/**
 * One LLM API dialect: its wire format, the error shapes its clients' SDKs understand (a JSON body for a status the
 * proxy has to give, a well-formed event for a stream that cannot go on), and its side of the transparent
 * {@code headroom_retrieve} round, for a JSON reply and for an event stream. The three instances live in
 * {@link Dialects}; the round loop over them is {@link dev.headroom.dialects.retrieve.RetrieveRounds}.
 */
public interface Dialect {

    /** A short name for logs ({@code anthropic}, {@code chat}, {@code responses}). */
    String name();

    WireFormat format();

    /**
     * An error body in this dialect's shape. {@code type} is the error's kind in Anthropic's words
     * ({@code invalid_request_error}, {@code request_too_large}, {@code api_error}, {@code timeout_error},
     * {@code overloaded_error}, {@code rate_limit_error}); dialects with other words translate it.
     */
    byte[] errorJson(String type, String message);

    /** One complete server-sent event telling the client the stream failed, so it neither waits nor misparses. */
    byte[] sseError(String message);

    /** The retrieve round for JSON replies: a fresh instance per exchange (it keeps earlier rounds' output). */
    JsonRounds jsonRounds();

    /** The retrieve round for an event stream, writing what the client may see to {@code client}. */
    StreamRounds streamRounds(ClientSink client);
}
