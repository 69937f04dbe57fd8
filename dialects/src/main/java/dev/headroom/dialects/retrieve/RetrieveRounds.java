package dev.headroom.dialects.retrieve;

import dev.headroom.dialects.Dialect;
import dev.headroom.engine.ccr.RetrievalStore;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * The transparent {@code headroom_retrieve} loop, once for every dialect and for JSON and event streams: when the
 * model calls the tool, the originals are looked up ({@link Originals}), the request is re-asked with the assistant
 * turn and the results appended, and the client gets one answer in which the retrieve turns never show and usage is
 * summed over the rounds. The rules, stated here once:
 * <ul>
 *   <li>At most {@code maxRounds} follow-ups; past that the last reply is answered as it is, retrieve calls removed.</li>
 *   <li>An unknown or expired hash gets an error result telling the model to go on without it.</li>
 *   <li>The upstream failing mid-round: on a stream, one well-formed error event ends the client's stream; on JSON
 *       (nothing sent yet) a {@link RoundFailure} or the upstream's own exception is thrown, for the caller to
 *       answer as an upstream failure; an error status in a later round reaches the client as the upstream sent it.</li>
 *   <li>A reply without retrieve calls goes to the client byte for byte; the loop never resends a request.</li>
 * </ul>
 * It knows no HTTP client or server: the caller brings an {@link Upstream} and a {@link ClientSink}.
 */
public final class RetrieveRounds {

    private final Originals originals;
    private final int maxRounds;

    public RetrieveRounds(RetrievalStore store, int maxRounds) {
        this.originals = new Originals(store);
        this.maxRounds = maxRounds;
    }

    /** Whether the loop answers {@code first}: a 200 with JSON or an event stream (anything else is relayed as is). */
    public static boolean applies(UpstreamReply first) {
        return first.status() == 200 && (first.isEventStream() || first.isJson());
    }

    /**
     * Answers an exchange whose request carried the injected tool, from the upstream's first reply.
     *
     * @throws IOException a JSON exchange's upstream failure, with nothing sent to the client
     */
    public void run(Dialect dialect, Upstream upstream, byte[] request, UpstreamReply first, ClientSink client,
                    RoundsReport report) throws IOException {
        try {
            if (first.isEventStream()) {
                stream(dialect, upstream, request, first, client, report);
            } else {
                json(dialect, upstream, request, first, client, report);
            }
        } catch (ClientSink.ClientGone gone) {
            report.clientGone = true;
        }
    }

    private void stream(Dialect dialect, Upstream upstream, byte[] request, UpstreamReply first, ClientSink client,
                        RoundsReport report) throws IOException {
        client.commit(first.status(), first.headers());
        report.status = first.status();
        StreamRounds s = dialect.streamRounds(client);
        UpstreamReply reply = first;
        for (int round = 0; ; round++) {
            StreamRounds.Round r;
            try (InputStream in = reply.body()) {
                r = s.read(in, round == 0, report);
            }
            report.usage.add(r.usage());
            if (r.errored()) {
                report.error = "the upstream sent an error event in retrieve round " + round;
                return;
            }
            if (!r.complete()) {
                report.error = "the upstream stream ended early in retrieve round " + round;
                client.write(dialect.sseError("headroom: the upstream connection failed mid-stream; the response is incomplete"));
                return;
            }
            byte[] next = r.calls().isEmpty() || round >= maxRounds ? null
                    : s.followUp(request, r, originals.resolve(r.calls(), report));
            if (next == null) {
                s.finish(r, report.usage);
                return;
            }
            report.rounds++;
            request = next;
            try {
                reply = upstream.send(request);
            } catch (IOException e) {
                report.error = "the upstream failed in retrieve round " + (round + 1) + ": " + e.getMessage();
                client.write(dialect.sseError("headroom: the upstream failed while resolving headroom_retrieve: "
                        + e.getMessage()));
                return;
            }
            if (reply.status() != 200 || !reply.isEventStream()) {
                String text;
                try (InputStream in = reply.body()) {
                    text = new String(in.readNBytes(64 * 1024), StandardCharsets.UTF_8);
                } catch (IOException e) {
                    text = "";
                }
                report.error = "the upstream answered " + reply.status() + " in retrieve round " + (round + 1);
                client.write(dialect.sseError("headroom: the upstream answered " + reply.status()
                        + " while resolving headroom_retrieve: " + text));
                return;
            }
        }
    }

    private void json(Dialect dialect, Upstream upstream, byte[] request, UpstreamReply first, ClientSink client,
                      RoundsReport report) throws IOException {
        JsonRounds j = dialect.jsonRounds();
        UpstreamReply reply = first;
        for (int round = 0; ; round++) {
            byte[] bytes;
            try (InputStream in = reply.body()) {
                bytes = in.readAllBytes();
            } catch (IOException e) {
                report.error = "the upstream cut its reply in retrieve round " + round;
                throw new RoundFailure("the upstream cut its reply in retrieve round " + round + ": " + e.getMessage(), e);
            }
            if (report.firstByteNanos < 0) {
                report.firstByteNanos = System.nanoTime();
            }
            JsonRounds.Reply parsed = j.parse(bytes);
            if (parsed != null) {
                report.usage.add(parsed.usage());
            }
            boolean calls = parsed != null && reply.status() == 200 && !parsed.calls().isEmpty();
            if ((!calls && round == 0) || reply.status() != 200) {
                // the common case (no retrieval) and a later round's error: the upstream's reply, byte for byte
                if (reply.status() != 200) {
                    report.error = "the upstream answered " + reply.status() + " in retrieve round " + round;
                }
                answer(client, reply, bytes, report);
                return;
            }
            byte[] next = calls && round < maxRounds
                    ? j.followUp(request, parsed, originals.resolve(parsed.calls(), report)) : null;
            if (next == null) {
                answer(client, reply, parsed == null ? bytes : j.merge(parsed, report.usage), report);
                return;
            }
            report.rounds++;
            request = next;
            reply = upstream.send(request);
        }
    }

    private static void answer(ClientSink client, UpstreamReply reply, byte[] body, RoundsReport report)
            throws IOException {
        report.status = reply.status();
        client.commit(reply.status(), reply.headers());
        client.write(body);
    }
}
