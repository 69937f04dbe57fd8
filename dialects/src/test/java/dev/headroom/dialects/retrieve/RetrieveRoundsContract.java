package dev.headroom.dialects.retrieve;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.headroom.dialects.Dialect;
import dev.headroom.dialects.Json;
import dev.headroom.engine.ccr.InMemoryRetrievalStore;
import dev.headroom.engine.ccr.RetrieveTool;
import dev.headroom.testsupport.FakeLlmUpstream;
import dev.headroom.testsupport.Fault;
import dev.headroom.testsupport.RecordedRequest;
import dev.headroom.testsupport.Reply;
import dev.headroom.testsupport.Usage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The retrieve round's contract, one capability per test, run for every dialect and for JSON replies and event
 * streams (one subclass each, as OpenTelemetry's AbstractHttpClientTest runs per client): the retrieve turns never
 * reach the client, usage is summed over the rounds, the round limit holds, an unknown hash is answered with an
 * error result, and an upstream that dies mid-round is reported in the dialect's own terms. The upstream is the
 * shared fake ({@link FakeLlmUpstream}), reached over HTTP as an agent's client would.
 */
abstract class RetrieveRoundsContract {

    static final String HASH = "0123456789abcdef01234567";
    static final String ORIGINAL = "row 1: ok\nrow 2: the needle\nrow 3: ok";

    FakeLlmUpstream up;
    InMemoryRetrievalStore store;
    FakeUpstreamCall upstream;
    CapturingSink client;
    RoundsReport report;

    abstract Dialect dialect();

    abstract boolean stream();

    abstract String path();

    /** A request body of this dialect asking (or not) for a stream. */
    abstract String request();

    /** How the summed output tokens read in what the client got. */
    abstract String summedOutput(long tokens);

    @BeforeEach
    void start() throws IOException {
        up = FakeLlmUpstream.start(0);
        store = new InMemoryRetrievalStore();
        store.put(HASH, ORIGINAL);
        upstream = new FakeUpstreamCall(up, path());
        client = new CapturingSink();
        report = new RoundsReport();
    }

    @AfterEach
    void stop() {
        up.close();
    }

    static Reply retrieve(String hash) {
        ObjectNode args = Json.MAPPER.createObjectNode().put("hash", hash);
        return Reply.toolCall(RetrieveTool.NAME, args);
    }

    void run(int maxRounds) throws IOException {
        byte[] body = request().getBytes(StandardCharsets.UTF_8);
        UpstreamReply first = upstream.send(body);
        assertTrue(RetrieveRounds.applies(first), "a 200 of JSON or events: " + first.status());
        new RetrieveRounds(store, maxRounds).run(dialect(), upstream, body, first, client, report);
    }

    String sentUpstream(int i) {
        List<RecordedRequest> all = up.requests();
        return new String(all.get(i).body(), StandardCharsets.UTF_8);
    }

    @Test
    void retrieveTurnsNeverReachTheClient() throws Exception {
        up.enqueue(retrieve(HASH)).enqueue(Reply.text("the answer is row 2"));
        run(3);
        assertEquals(2, upstream.sent.get());
        assertTrue(sentUpstream(1).contains("the needle"), "the original went to the model: " + sentUpstream(1));
        assertTrue(client.text().contains("the answer is row 2"), client.text());
        assertFalse(client.text().contains(RetrieveTool.NAME), "the client never sees the retrieve call: " + client.text());
        assertEquals(1, client.commits);
        assertEquals(200, client.status);
        assertEquals(1, report.rounds);
        assertEquals(1, report.resolved);
        assertEquals(null, report.error);
    }

    @Test
    void usageIsSummedOverTheRounds() throws Exception {
        up.usage(new Usage(100, 10, 0, 0));
        up.enqueue(retrieve(HASH)).enqueue(Reply.text("done"));
        run(3);
        assertEquals(200, report.usage.input);
        assertEquals(20, report.usage.output);
        assertTrue(client.text().contains(summedOutput(20)), "the client sees the sum: " + client.text());
    }

    @Test
    void theRoundLimitHolds() throws Exception {
        up.enqueue(retrieve(HASH)).enqueue(retrieve(HASH)).enqueue(retrieve(HASH)).enqueue(Reply.text("late"));
        run(1);
        assertEquals(2, upstream.sent.get(), "one follow-up, then no more");
        assertEquals(1, report.rounds);
        assertFalse(client.text().contains(RetrieveTool.NAME), client.text());
    }

    @Test
    void anUnknownHashIsAnsweredWithAnErrorResult() throws Exception {
        up.enqueue(retrieve("ffffffffffffffffffffffff")).enqueue(Reply.text("went on without it"));
        run(3);
        assertTrue(sentUpstream(1).contains("no original for hash ffffffffffffffffffffffff"), sentUpstream(1));
        assertTrue(client.text().contains("went on without it"), client.text());
        assertEquals(1, report.missed);
        assertEquals(0, report.resolved);
    }

    @Test
    void anUpstreamDyingMidRoundIsReported() throws Exception {
        up.enqueue(retrieve(HASH)).enqueue(Reply.text("never complete"));
        up.faultNext(Fault.NONE).faultNext(Fault.dropAfterEvents(stream() ? 1 : 0));
        if (stream()) {
            run(3);
            String text = client.text();
            assertTrue(text.endsWith(new String(dialect().sseError(
                    "headroom: the upstream connection failed mid-stream; the response is incomplete"),
                    StandardCharsets.UTF_8)), "one well-formed error event ends the stream: " + text);
            assertTrue(report.error != null);
        } else {
            assertThrows(IOException.class, () -> run(3), "nothing was sent: the caller answers 502");
            assertEquals(0, client.commits, "no part of an answer went out");
        }
    }
}
