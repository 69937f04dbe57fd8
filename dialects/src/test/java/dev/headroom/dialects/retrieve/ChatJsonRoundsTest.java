package dev.headroom.dialects.retrieve;

import dev.headroom.dialects.Dialect;
import dev.headroom.dialects.Dialects;

/** The retrieve round's contract for {@link Dialects#CHAT} on JSON replies. */
class ChatJsonRoundsTest extends RetrieveRoundsContract {

    @Override
    Dialect dialect() {
        return Dialects.CHAT;
    }

    @Override
    boolean stream() {
        return false;
    }

    @Override
    String path() {
        return "/v1/chat/completions";
    }

    @Override
    String request() {
        return Contracts.chat(false);
    }

    @Override
    String summedOutput(long t) {
        return "\"completion_tokens\":" + t;
    }
}
