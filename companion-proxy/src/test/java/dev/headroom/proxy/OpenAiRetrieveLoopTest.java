package dev.headroom.proxy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.headroom.proxy.support.Bodies;
import dev.headroom.proxy.support.FixedReplies;
import dev.headroom.testsupport.FakeLlmUpstream;
import dev.headroom.testsupport.RecordedRequest;
import dev.headroom.proxy.support.ProxyHarness;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.OutputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import static dev.headroom.proxy.RetrieveLoopTest.count;
import static dev.headroom.proxy.RetrieveLoopTest.hashIn;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Codex (Responses) and Chat Completions clients never see headroom_retrieve either. */
class OpenAiRetrieveLoopTest {

    @TempDir
    Path home;

    static String ev(String type, int seq, String rest) {
        return "event: " + type + "\ndata: {\"type\":\"" + type + "\",\"sequence_number\":" + seq + rest + "}\n\n";
    }

    static String message(int idx, int seq, String id, String text) {
        String item = "{\"type\":\"message\",\"id\":\"" + id + "\",\"status\":\"completed\",\"role\":\"assistant\","
                + "\"content\":[{\"type\":\"output_text\",\"text\":\"" + text + "\",\"annotations\":[]}]}";
        return ev("response.output_item.added", seq, ",\"output_index\":" + idx + ",\"item\":{\"type\":\"message\",\"id\":\""
                + id + "\",\"status\":\"in_progress\",\"role\":\"assistant\",\"content\":[]}")
                + ev("response.output_text.delta", seq + 1, ",\"item_id\":\"" + id + "\",\"output_index\":" + idx
                + ",\"content_index\":0,\"delta\":\"" + text + "\"")
                + ev("response.output_item.done", seq + 2, ",\"output_index\":" + idx + ",\"item\":" + item);
    }

    static String functionCall(int idx, int seq, String callId, String name, String args) {
        String a = args.replace("\"", "\\\"");
        String item = "{\"type\":\"function_call\",\"id\":\"fc_" + callId + "\",\"call_id\":\"" + callId + "\",\"name\":\""
                + name + "\",\"arguments\":\"" + a + "\",\"status\":\"completed\"}";
        return ev("response.output_item.added", seq, ",\"output_index\":" + idx + ",\"item\":{\"type\":\"function_call\","
                + "\"id\":\"fc_" + callId + "\",\"call_id\":\"" + callId + "\",\"name\":\"" + name + "\",\"arguments\":\"\"}")
                + ev("response.function_call_arguments.delta", seq + 1, ",\"item_id\":\"fc_" + callId
                + "\",\"output_index\":" + idx + ",\"delta\":\"" + a + "\"")
                + ev("response.output_item.done", seq + 2, ",\"output_index\":" + idx + ",\"item\":" + item);
    }

    static String completed(int seq, int in, int out) {
        return ev("response.completed", seq, ",\"response\":{\"id\":\"resp_1\",\"status\":\"completed\",\"output\":[],"
                + "\"usage\":{\"input_tokens\":" + in + ",\"output_tokens\":" + out + ",\"total_tokens\":" + (in + out)
                + ",\"input_tokens_details\":{\"cached_tokens\":0}}}");
    }

    static void sse(com.sun.net.httpserver.HttpExchange ex, String events) throws Exception {
        ex.getResponseHeaders().set("Content-Type", "text/event-stream");
        ex.sendResponseHeaders(200, 0);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(events.getBytes(StandardCharsets.UTF_8));
        }
    }

    @Test
    void responsesStreamRetrieveIsHiddenAndTheResponseContinues() throws Exception {
        try (ProxyHarness h = new ProxyHarness(home, c -> c)) {
            h.upstream.respond((req, ex) -> {
                String body = req.bodyText();
                if (!body.contains("function_call_output\",\"call_id\":\"call_r")) {
                    String hash = hashIn(body);
                    sse(ex, ev("response.created", 0, ",\"response\":{\"id\":\"resp_1\",\"status\":\"in_progress\"}")
                            + message(0, 1, "msg_a", "Let me look.")
                            + functionCall(1, 4, "call_r", "headroom_retrieve", "{\"hash\":\"" + hash + "\"}")
                            + functionCall(2, 7, "call_b", "exec_command", "{\"cmd\":\"ls\"}")
                            + completed(10, 100, 30));
                } else {
                    String answer = body.contains("processed batch 299") ? "Batch 299 is there." : "Missing.";
                    sse(ex, ev("response.created", 0, ",\"response\":{\"id\":\"resp_2\",\"status\":\"in_progress\"}")
                            + message(0, 1, "msg_b", answer) + completed(4, 200, 12));
                }
            });
            String out = Bodies.esc(Bodies.bigToolOutput());
            String req = "{\"model\":\"gpt-5\",\"stream\":true,\"store\":false,\"input\":[{\"type\":\"message\",\"role\":\"user\","
                    + "\"content\":[{\"type\":\"input_text\",\"text\":\"errors?\"}]},{\"type\":\"function_call\",\"call_id\":\"c1\","
                    + "\"name\":\"exec_command\",\"arguments\":\"{}\"},{\"type\":\"function_call_output\",\"call_id\":\"c1\","
                    + "\"output\":\"" + out + "\"}],\"tools\":[{\"type\":\"function\",\"name\":\"exec_command\",\"parameters\":{}}]}";
            HttpResponse<String> r = h.send(h.post("/v1/responses", req).header("authorization", "Bearer sk-x"));
            String sse = r.body();
            assertEquals(200, r.statusCode());
            assertFalse(sse.contains("headroom_retrieve"), sse);
            assertFalse(sse.contains("call_b"), sse);
            assertEquals(1, count(sse, "event: response.created"), sse);
            assertEquals(1, count(sse, "event: response.completed"), sse);
            assertTrue(sse.contains("\"output_index\":1,\"content_index\":0,\"delta\":\"Batch 299 is there.\""), sse);
            for (int i = 0; i < count(sse, "sequence_number"); i++) {
                assertTrue(sse.contains("\"sequence_number\":" + i + ","), "sequence numbers run on: " + i + "\n" + sse);
            }
            String last = sse.substring(sse.lastIndexOf("data: ") + 6).trim();
            JsonNode done = CompressionTest.JSON.readTree(last);
            assertEquals(2, done.at("/response/output").size(), last);
            assertEquals(42, done.at("/response/usage/output_tokens").asLong());
            assertEquals(2, h.upstream.requests().size());
        }
    }

    @Test
    void chatStreamRetrieveIsHiddenWithOneFinishAndOneDone() throws Exception {
        try (ProxyHarness h = new ProxyHarness(home, c -> c)) {
            String head = "data: {\"id\":\"c1\",\"object\":\"chat.completion.chunk\",\"model\":\"gpt-4o\",\"choices\":[{\"index\":0,";
            h.upstream.respond((req, ex) -> {
                String body = req.bodyText();
                if (!body.contains("\"tool_call_id\":\"call_r\"")) {
                    String hash = hashIn(body);
                    sse(ex, head + "\"delta\":{\"role\":\"assistant\",\"content\":\"Let me look.\"},\"finish_reason\":null}]}\n\n"
                            + head + "\"delta\":{\"tool_calls\":[{\"index\":0,\"id\":\"call_r\",\"type\":\"function\","
                            + "\"function\":{\"name\":\"headroom_retrieve\",\"arguments\":\"\"}}]},\"finish_reason\":null}]}\n\n"
                            + head + "\"delta\":{\"tool_calls\":[{\"index\":0,\"function\":{\"arguments\":\"{\\\"hash\\\":\\\""
                            + hash + "\\\"}\"}}]},\"finish_reason\":null}]}\n\n"
                            + head + "\"delta\":{},\"finish_reason\":\"tool_calls\"}]}\n\n"
                            + "data: {\"id\":\"c1\",\"choices\":[],\"usage\":{\"prompt_tokens\":100,\"completion_tokens\":30,\"total_tokens\":130}}\n\n"
                            + "data: [DONE]\n\n");
                } else {
                    String answer = body.contains("processed batch 299") ? "Batch 299 is there." : "Missing.";
                    sse(ex, head + "\"delta\":{\"role\":\"assistant\",\"content\":\"" + answer + "\"},\"finish_reason\":null}]}\n\n"
                            + head + "\"delta\":{},\"finish_reason\":\"stop\"}]}\n\n"
                            + "data: {\"id\":\"c1\",\"choices\":[],\"usage\":{\"prompt_tokens\":200,\"completion_tokens\":12,\"total_tokens\":212}}\n\n"
                            + "data: [DONE]\n\n");
                }
            });
            String out = Bodies.esc(Bodies.bigToolOutput());
            String req = "{\"model\":\"gpt-4o\",\"stream\":true,\"messages\":[{\"role\":\"user\",\"content\":\"errors?\"},"
                    + "{\"role\":\"assistant\",\"content\":null,\"tool_calls\":[{\"id\":\"c0\",\"type\":\"function\","
                    + "\"function\":{\"name\":\"shell\",\"arguments\":\"{}\"}}]},"
                    + "{\"role\":\"tool\",\"tool_call_id\":\"c0\",\"content\":\"" + out + "\"}]}";
            HttpResponse<String> r = h.send(h.post("/v1/chat/completions", req).header("authorization", "Bearer sk-x"));
            String sse = r.body();
            assertFalse(sse.contains("headroom_retrieve"), sse);
            assertTrue(sse.contains("Let me look.") && sse.contains("Batch 299 is there."), sse);
            assertEquals(1, count(sse, "finish_reason\":\"stop"), sse);
            assertEquals(0, count(sse, "finish_reason\":\"tool_calls"), sse);
            assertEquals(1, count(sse, "[DONE]"), sse);
            assertTrue(sse.contains("\"completion_tokens\":42"), sse);
        }
    }

    @Test
    void chatJsonRetrieveIsMerged() throws Exception {
        try (ProxyHarness h = new ProxyHarness(home, c -> c)) {
            h.upstream.respond((req, ex) -> {
                String body = req.bodyText();
                String json;
                if (!body.contains("\"tool_call_id\":\"call_r\"")) {
                    json = "{\"id\":\"c1\",\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\",\"content\":null,"
                            + "\"tool_calls\":[{\"id\":\"call_r\",\"type\":\"function\",\"function\":{\"name\":\"headroom_retrieve\","
                            + "\"arguments\":\"{\\\"hash\\\":\\\"" + hashIn(body) + "\\\"}\"}}]},\"finish_reason\":\"tool_calls\"}],"
                            + "\"usage\":{\"prompt_tokens\":100,\"completion_tokens\":30}}";
                } else {
                    json = "{\"id\":\"c2\",\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\",\"content\":\""
                            + (body.contains("processed batch 299") ? "Batch 299 is there." : "Missing.")
                            + "\"},\"finish_reason\":\"stop\"}],\"usage\":{\"prompt_tokens\":200,\"completion_tokens\":12}}";
                }
                FakeLlmUpstream.send(ex, 200, "application/json", json.getBytes(StandardCharsets.UTF_8));
            });
            String out = Bodies.esc(Bodies.bigToolOutput());
            String req = "{\"model\":\"gpt-4o\",\"messages\":[{\"role\":\"user\",\"content\":\"errors?\"},"
                    + "{\"role\":\"assistant\",\"content\":null,\"tool_calls\":[{\"id\":\"c0\",\"type\":\"function\","
                    + "\"function\":{\"name\":\"shell\",\"arguments\":\"{}\"}}]},"
                    + "{\"role\":\"tool\",\"tool_call_id\":\"c0\",\"content\":\"" + out + "\"}]}";
            HttpResponse<String> r = h.send(h.post("/v1/chat/completions", req).header("authorization", "Bearer sk-x"));
            assertFalse(r.body().contains("headroom_retrieve"), r.body());
            JsonNode reply = CompressionTest.JSON.readTree(r.body());
            assertEquals("Batch 299 is there.", reply.at("/choices/0/message/content").asText());
            assertEquals(42, reply.at("/usage/completion_tokens").asLong());
        }
    }
}
