package dev.headroom.proxy.retrieve;

import dev.headroom.engine.ccr.RetrievalStore;
import dev.headroom.proxy.compress.CompressionStage;
import dev.headroom.proxy.forward.ErrorShapes;
import dev.headroom.proxy.forward.Exchange;
import dev.headroom.proxy.plane.UpstreamCall;
import dev.headroom.proxy.forward.Relay;
import io.javalin.http.Context;

import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.util.Map;

/**
 * Takes over requests whose forwarded body carries the injected {@code headroom_retrieve} tool, so that the
 * model's retrieve calls are answered by the proxy and never reach the client. Error statuses and unknown
 * content types go through the plain relay untouched.
 */
public final class RetrieveLoop {

    private final AnthropicStreamLoop anthropicStream;
    private final AnthropicJsonLoop anthropicJson;
    private final ResponsesStreamLoop responsesStream;
    private final ChatStreamLoop chatStream;
    private final OpenAiJsonLoop openAiJson;

    public RetrieveLoop(RetrievalStore store, int maxRounds) {
        this.anthropicStream = new AnthropicStreamLoop(store, maxRounds);
        this.anthropicJson = new AnthropicJsonLoop(store, maxRounds);
        this.responsesStream = new ResponsesStreamLoop(store, maxRounds);
        this.chatStream = new ChatStreamLoop(store, maxRounds);
        this.openAiJson = new OpenAiJsonLoop(store, maxRounds);
    }

    /**
     * Answers a request whose upstream call carries the injected tool, from the upstream's first reply
     * {@code first}; {@code extra} are the x-headroom-tokens-* headers a non-streamed answer carries.
     */
    public void handle(Context ctx, Exchange x, UpstreamCall call, CompressionStage.Outcome outcome,
                       HttpResponse<InputStream> first, Map<String, String> extra) throws IOException {
        String ct = first.headers().firstValue("content-type").orElse("");
        ClientStream client = new ClientStream(ctx);
        x.status = first.statusCode();
        try {
            boolean sse = first.statusCode() == 200 && Relay.isEventStream(first);
            boolean json = first.statusCode() == 200 && ct.contains("json");
            ErrorShapes.Dialect d = call.dialect();
            if (sse && d == ErrorShapes.Dialect.ANTHROPIC) {
                anthropicStream.run(client, x, call, outcome.body(), first, extra);
            } else if (sse && d == ErrorShapes.Dialect.OPENAI_RESPONSES) {
                responsesStream.run(client, x, call, outcome.body(), first);
            } else if (sse) {
                chatStream.run(client, x, call, outcome.body(), first);
            } else if (json && d == ErrorShapes.Dialect.ANTHROPIC) {
                anthropicJson.run(client, x, call, outcome.body(), first, extra);
            } else if (json) {
                openAiJson.run(client, x, call, outcome.body(), first, extra, d == ErrorShapes.Dialect.OPENAI_RESPONSES);
            } else {
                new Relay(call.dialect()).relay(ctx, first, x, extra, false);
            }
        } catch (ClientStream.Gone gone) {
            x.clientGone = true;
        }
    }
}
