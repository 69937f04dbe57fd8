package dev.headroom.bench.proxy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The recorded Claude Code and Codex request bodies ({@code corpus/recorded}) as calls against one base URL: each
 * turn of each session, in order, on the path the client used. These carry real tool outputs, so the proxy's
 * engine compresses them (the pass-through bodies carry none).
 */
final class RecordedCorpus {

    private RecordedCorpus() {
    }

    static List<TtfbClient.Call> calls(Path dir, String baseUrl) throws IOException {
        List<TtfbClient.Call> out = new ArrayList<>();
        try (Stream<Path> sessions = Files.list(dir)) {
            for (Path session : sessions.filter(Files::isDirectory).sorted().toList()) {
                boolean claude = session.getFileName().toString().startsWith("claude");
                String path = claude ? "/v1/messages?beta=true" : "/v1/responses";
                Map<String, String> headers = claude ? TtfbClient.Call.ANTHROPIC
                        : Map.of("authorization", "Bearer sk-bench");
                try (Stream<Path> turns = Files.list(session)) {
                    for (Path turn : turns.filter(p -> p.getFileName().toString().startsWith("turn-")).sorted().toList()) {
                        out.add(new TtfbClient.Call(baseUrl + path, Files.readAllBytes(turn), headers));
                    }
                }
            }
        }
        return out;
    }

    /**
     * The same calls with every ASCII digit {@code d} of each body turned into {@code (d + shift) % 10}: still valid
     * JSON of the same shapes and sizes, but tool outputs (and sessions) the proxy has never seen, so it compresses
     * them afresh; sent to a proxy that has already run, that is the cost of a new tool output on a warm proxy.
     */
    static List<TtfbClient.Call> withNewContent(List<TtfbClient.Call> calls, int shift) {
        List<TtfbClient.Call> out = new ArrayList<>(calls.size());
        for (TtfbClient.Call c : calls) {
            byte[] body = c.body().clone();
            for (int i = 0; i < body.length; i++) {
                if (body[i] >= '0' && body[i] <= '9') {
                    body[i] = (byte) ('0' + (body[i] - '0' + shift) % 10);
                }
            }
            out.add(new TtfbClient.Call(c.url(), body, c.headers()));
        }
        return out;
    }
}
