package dev.headroom.eval;

import java.nio.file.Path;
import java.util.List;

/**
 * A recorded conversation: the request bodies of its turns in order (each turn repeats the earlier
 * turns' messages, as real clients send them) and the facts a model needs from its tool outputs.
 *
 * @param id      a short name
 * @param client  who sent it (claude-code, codex, example, ...)
 * @param turns   request body files, in order
 * @param needles exact strings that must stay readable or retrievable after compression
 */
public record Session(String id, String client, List<Path> turns, List<String> needles) {
}
