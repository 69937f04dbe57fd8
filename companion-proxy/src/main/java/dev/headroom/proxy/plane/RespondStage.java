package dev.headroom.proxy.plane;

import dev.headroom.proxy.forward.Relay;
import dev.headroom.proxy.retrieve.RetrieveAnswer;

import java.io.IOException;
import java.util.HashMap;
import java.util.Map;

/**
 * The answer to the client: when the proxy injected {@code headroom_retrieve}, the retrieve loop reads the reply,
 * answers the model's retrieve calls itself and relays one merged answer; otherwise the response is relayed as it
 * arrives. Non-streamed replies carry the request's token figures in {@code x-headroom-tokens-*} headers.
 */
final class RespondStage implements Stage {

    private final RetrieveAnswer retrieve;

    RespondStage(RetrieveAnswer retrieve) {
        this.retrieve = retrieve;
    }

    @Override
    public void run(Flight f, Chain next) throws IOException, InterruptedException {
        if (f.watch != null) {
            f.watch.close(); // the client may send its next request once it has this answer
        }
        Map<String, String> extra = new HashMap<>();
        int status = f.response.statusCode();
        // only an answer that succeeded saved anything (a 529 will be asked again, uncompressed or not)
        if (f.outcome != null && f.x.engineRan() && status >= 200 && status < 300 && !Relay.isEventStream(f.response)) {
            extra.put("x-headroom-tokens-before", String.valueOf(f.x.tokensBefore()));
            extra.put("x-headroom-tokens-after", String.valueOf(f.x.tokensAfter()));
            extra.put("x-headroom-tokens-saved", String.valueOf(f.x.tokensBefore() - f.x.tokensAfter()));
            extra.put("x-headroom-compressed", String.valueOf(f.x.compressed()));
        }
        if (f.outcome != null && f.outcome.retrieveToolInjected() && retrieve != null
                && RetrieveAnswer.applies(f.response)) {
            retrieve.answer(f.ctx, f.x, f.dialect, f.call, f.send, f.response, extra);
        } else {
            new Relay(f.dialect).relay(f.ctx, f.response, f.x, extra, f.method.equals("HEAD"));
        }
        next.proceed(f);
    }
}
