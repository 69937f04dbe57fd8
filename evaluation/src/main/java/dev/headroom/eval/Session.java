package dev.headroom.eval;

import java.nio.file.Path;
import java.util.List;

/**
 * A recorded conversation: the request bodies of its turns in order (each turn repeats the earlier
 * turns' messages, as real clients send them) and the facts a model needs from its tool outputs.
 *
 * @param id       a short name
 * @param client   who sent it (claude-code, codex, example, ...)
 * @param turns    request body files, in order
 * @param needles  exact strings that must stay readable or retrievable after compression
 * @param scenario what the session stands for (index.json {@code scenario}), or empty
 * @param commands the commands its script ran, each with its command family when the index names one
 */
public record Session(String id, String client, List<Path> turns, List<String> needles, String scenario,
                      List<Command> commands) {

    /** One scripted command; {@code family} is empty when the index does not name it. */
    public record Command(String command, String family) {
    }

    /** A session without a script (examples, reference fixtures). */
    public Session(String id, String client, List<Path> turns, List<String> needles) {
        this(id, client, turns, needles, "", List.of());
    }
}
