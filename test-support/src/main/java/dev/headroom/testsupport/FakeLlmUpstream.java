package dev.headroom.testsupport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.zip.GZIPInputStream;

/**
 * A recording fake LLM upstream on loopback. It records every request byte for byte, answers Anthropic
 * Messages ({@code /v1/messages}), OpenAI Chat ({@code /v1/chat/completions}) and Responses
 * ({@code /v1/responses}) as SSE when the body says {@code "stream":true} and as JSON otherwise, plays
 * {@link ToolScript scripted tool turns}, and applies programmable {@link Fault faults}.
 *
 * <pre>{@code
 * try (FakeLlmUpstream up = FakeLlmUpstream.start(0)) {
 *     up.script(ToolScript.empty().with(ToolScript.Step.of("RUN_SCRIPT", "Done.", "seq 1 3000")));
 *     up.faultNext(Fault.status(529));
 *     ... point a client at up.baseUrl() ...
 *     up.requests().get(0).body();
 * }
 * }</pre>
 * Standalone: {@code java -cp ... dev.headroom.testsupport.FakeLlmUpstream --port 8799 --record r.jsonl --script s.json}.
 */
public final class FakeLlmUpstream implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpServer server;
    private final ExecutorService executor;
    private final RequestRecorder recorder = new RequestRecorder();
    private final AtomicLong replies = new AtomicLong();
    private final Deque<Fault> oneShotFaults = new ArrayDeque<>();
    private final Deque<Reply> queuedReplies = new ArrayDeque<>();
    private volatile Fault standingFault = Fault.NONE;
    private volatile ToolScript script = ToolScript.empty();
    private volatile Responder responder;
    private volatile Usage fixedUsage;
    private volatile int deltaChars;

    private FakeLlmUpstream(HttpServer server, ExecutorService executor) {
        this.server = server;
        this.executor = executor;
    }

    /** Starts on 127.0.0.1; port 0 picks a free port. */
    public static FakeLlmUpstream start(int port) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 64);
        ExecutorService executor = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "fake-llm-upstream");
            t.setDaemon(true);
            return t;
        });
        FakeLlmUpstream up = new FakeLlmUpstream(server, executor);
        server.createContext("/", up::handle);
        server.setExecutor(executor);
        server.start();
        return up;
    }

    public int port() {
        return server.getAddress().getPort();
    }

    /** {@code http://127.0.0.1:<port>} with no trailing slash and no /v1. */
    public String baseUrl() {
        return "http://127.0.0.1:" + port();
    }

    public FakeLlmUpstream script(ToolScript script) {
        this.script = script;
        return this;
    }

    /** Appends every request to this JSONL file (one object per line) as well as keeping it in memory. */
    public FakeLlmUpstream recordTo(Path jsonl) {
        recorder.appendTo(jsonl);
        return this;
    }

    /** Reports these figures in every reply instead of the size-based estimate; null restores the estimate. */
    public FakeLlmUpstream usage(Usage usage) {
        this.fixedUsage = usage;
        return this;
    }

    /** Streams text and tool arguments in deltas of at most this many chars (0, the default: one delta). */
    public FakeLlmUpstream deltaChars(int chars) {
        this.deltaChars = chars;
        return this;
    }

    /**
     * Answers the next LLM request with {@code reply} (as JSON or SSE, as that request asks), before the script is
     * asked; several calls queue up, one per request, as OkHttp's MockWebServer does.
     */
    public FakeLlmUpstream enqueue(Reply reply) {
        synchronized (queuedReplies) {
            queuedReplies.addLast(reply);
        }
        return this;
    }

    /** Writes the whole answer to one recorded request itself (status, headers, body), for replies no script makes. */
    @FunctionalInterface
    public interface Responder {
        void respond(RecordedRequest request, HttpExchange exchange) throws Exception;
    }

    /**
     * Answers every request (recorded as usual) with {@code r} instead of the built-in replies; null restores them.
     * For tests that need an exact reply: a given status and body, a hand-written event stream.
     */
    public FakeLlmUpstream respond(Responder r) {
        this.responder = r;
        return this;
    }

    /** Sends {@code body} with {@code status} and {@code contentType}, plus extra headers (name, value, ...). */
    public static void send(HttpExchange ex, int status, String contentType, byte[] body, String... headers)
            throws IOException {
        ex.getResponseHeaders().set("Content-Type", contentType);
        for (int i = 0; i + 1 < headers.length; i += 2) {
            ex.getResponseHeaders().add(headers[i], headers[i + 1]);
        }
        ex.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        try (java.io.OutputStream out = ex.getResponseBody()) {
            out.write(body);
        }
    }

    /** Applies the fault to the next LLM request only; several calls queue up, one per request. */
    public FakeLlmUpstream faultNext(Fault fault) {
        synchronized (oneShotFaults) {
            oneShotFaults.addLast(fault);
        }
        return this;
    }

    /** Applies the fault to every LLM request (after queued one-shot faults are used up). */
    public FakeLlmUpstream faultAlways(Fault fault) {
        this.standingFault = fault;
        return this;
    }

    public FakeLlmUpstream clearFaults() {
        synchronized (oneShotFaults) {
            oneShotFaults.clear();
        }
        standingFault = Fault.NONE;
        return this;
    }

    /** The last request received. */
    public RecordedRequest last() {
        List<RecordedRequest> all = recorder.all();
        return all.get(all.size() - 1);
    }

    /** Every request received so far, in arrival order (HEAD and GET included). */
    public List<RecordedRequest> requests() {
        return recorder.all();
    }

    /** The requests to an LLM endpoint of this API, in order. */
    public List<RecordedRequest> requests(Api api) {
        return recorder.all().stream().filter(r -> "POST".equals(r.method()) && Api.forPath(r.path()) == api).toList();
    }

    /** Waits until at least {@code count} requests have arrived; returns them (fewer on timeout). */
    public List<RecordedRequest> awaitRequests(int count, long timeoutMillis) throws InterruptedException {
        return recorder.await(count, timeoutMillis);
    }

    public void clearRequests() {
        recorder.clear();
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
        recorder.close();
    }

    private void handle(HttpExchange ex) throws IOException {
        boolean dropped = false;
        try {
            byte[] body = ex.getRequestBody().readAllBytes();
            String method = ex.getRequestMethod();
            String pathAndQuery = ex.getRequestURI().getRawPath()
                    + (ex.getRequestURI().getRawQuery() == null ? "" : "?" + ex.getRequestURI().getRawQuery());
            RecordedRequest req = recorder.record(method, pathAndQuery, ex.getRequestHeaders(), body);
            Responder r = responder;
            if (r != null) {
                try {
                    r.respond(req, ex);
                } catch (IOException | RuntimeException e) {
                    throw e;
                } catch (Exception e) {
                    throw new IOException(e);
                }
                return;
            }
            String path = req.path();
            Api api = Api.forPath(path);
            if ("HEAD".equals(method) || ("GET".equals(method) && ("/".equals(path) || path.isEmpty()))) {
                ExchangeWriter.plain(ex, 200, "text/plain", "fake LLM upstream\n");
            } else if ("GET".equals(method) && path.endsWith("/models")) {
                ExchangeWriter.plain(ex, 200, "application/json", models());
            } else if ("POST".equals(method) && path.endsWith("/messages/count_tokens")) {
                ExchangeWriter.plain(ex, 200, "application/json", "{\"input_tokens\":" + Math.max(1, body.length / 4) + "}");
            } else if ("POST".equals(method) && api != null) {
                answer(ex, api, req);
            } else {
                ExchangeWriter.plain(ex, 404, "application/json",
                        "{\"error\":{\"type\":\"not_found_error\",\"message\":\"fake upstream has no " + method + " " + path + "\"}}");
            }
        } catch (ExchangeWriter.ConnectionDropped drop) {
            // Leave the exchange open: the JDK server then closes the socket without the final chunk.
            dropped = true;
            throw drop;
        } finally {
            if (!dropped) {
                ex.close();
            }
        }
    }

    private void answer(HttpExchange ex, Api api, RecordedRequest req) throws IOException {
        Fault fault = nextFault();
        if (fault.isErrorStatus()) {
            ExchangeWriter.json(ex, fault.status(), fault.errorBody(api == Api.ANTHROPIC), fault);
            return;
        }
        byte[] plain = decoded(req);
        JsonNode body = JSON.createObjectNode();
        Conversation conversation;
        if (plain == null) {
            // A Content-Encoding the JDK cannot undo (zstd, br): answer the default reply, streaming if asked to.
            String accept = req.header("accept");
            conversation = Conversation.opaque(api, accept != null && accept.contains("text/event-stream"));
        } else {
            try {
                body = JSON.readTree(plain);
            } catch (IOException e) {
                body = null;
            }
            if (body == null || !body.isObject()) {
                String message = "fake upstream: the request body is not a JSON object";
                ExchangeWriter.json(ex, 400, api == Api.ANTHROPIC
                        ? "{\"type\":\"error\",\"error\":{\"type\":\"invalid_request_error\",\"message\":\"" + message + "\"}}"
                        : "{\"error\":{\"message\":\"" + message + "\",\"type\":\"invalid_request_error\",\"param\":null,\"code\":null}}",
                        Fault.NONE);
                return;
            }
            conversation = Conversation.of(api, body);
        }
        Reply queued;
        synchronized (queuedReplies) {
            queued = queuedReplies.pollFirst();
        }
        Reply reply = queued != null ? queued : script.replyFor(api, conversation);
        long seq = replies.incrementAndGet();
        String replyText = reply.isToolCall() ? reply.toolArguments().toString() : reply.text();
        Usage usage = fixedUsage != null ? fixedUsage : Usage.estimate(req.body().length, replyText);
        String model = conversation.model();
        if (conversation.stream()) {
            List<SseEvent> events;
            switch (api) {
                case ANTHROPIC: events = AnthropicReplies.events(reply, model, seq, usage, deltaChars); break;
                case RESPONSES: events = ResponsesReplies.events(reply, model, seq, usage, deltaChars); break;
                default: events = ChatReplies.events(reply, model, seq, usage,
                        body.path("stream_options").path("include_usage").asBoolean(false), deltaChars);
            }
            ExchangeWriter.sse(ex, events, fault);
        } else {
            String json;
            switch (api) {
                case ANTHROPIC: json = AnthropicReplies.json(reply, model, seq, usage); break;
                case RESPONSES: json = ResponsesReplies.json(reply, model, seq, usage); break;
                default: json = ChatReplies.json(reply, model, seq, usage);
            }
            ExchangeWriter.json(ex, 200, json, fault);
        }
    }

    private Fault nextFault() {
        synchronized (oneShotFaults) {
            Fault f = oneShotFaults.pollFirst();
            return f != null ? f : standingFault;
        }
    }

    /** The body without its Content-Encoding; null when the encoding is one the JDK cannot undo. */
    private static byte[] decoded(RecordedRequest req) throws IOException {
        String encoding = req.header("content-encoding");
        if (encoding == null || encoding.isBlank() || encoding.equalsIgnoreCase("identity")) {
            return req.body();
        }
        String e = encoding.trim().toLowerCase(java.util.Locale.ROOT);
        try {
            if (e.equals("gzip") || e.equals("x-gzip")) {
                try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(req.body()))) {
                    return in.readAllBytes();
                }
            }
            if (e.equals("deflate")) {
                try (InputStream in = new java.util.zip.InflaterInputStream(new ByteArrayInputStream(req.body()))) {
                    return in.readAllBytes();
                }
            }
        } catch (IOException corrupt) {
            return new byte[0];
        }
        return null;
    }

    private static String models() {
        var root = JSON.createObjectNode().put("object", "list").put("has_more", false);
        var data = root.putArray("data");
        for (String id : List.of("claude-opus-4-8", "claude-sonnet-4-5", "gpt-5")) {
            data.addObject().put("id", id).put("object", "model").put("type", "model")
                    .put("display_name", id).put("created", 1_700_000_000L).put("owned_by", "fake");
        }
        return root.toString();
    }

    public static void main(String[] args) throws Exception {
        StandaloneMain.run(args);
    }
}
