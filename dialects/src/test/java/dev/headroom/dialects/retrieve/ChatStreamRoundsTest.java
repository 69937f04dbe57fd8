package dev.headroom.dialects.retrieve;

import dev.headroom.dialects.Dialect;
import dev.headroom.dialects.Dialects;

/** The retrieve round's contract for {@link Dialects#CHAT} on an event stream. */
class ChatStreamRoundsTest extends RetrieveRoundsContract {

    @Override
    Dialect dialect() {
        return Dialects.CHAT;
    }

    @Override
    boolean stream() {
        return true;
    }

    @Override
    String path() {
        return "/v1/chat/completions";
    }

    @Override
    String request() {
        return Contracts.chat(true);
    }

    @Override
    String summedOutput(long t) {
        return "\"completion_tokens\":" + t;
    }
}
