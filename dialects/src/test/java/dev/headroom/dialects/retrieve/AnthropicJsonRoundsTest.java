package dev.headroom.dialects.retrieve;

import dev.headroom.dialects.Dialect;
import dev.headroom.dialects.Dialects;

/** The retrieve round's contract for {@link Dialects#ANTHROPIC} on JSON replies. */
class AnthropicJsonRoundsTest extends RetrieveRoundsContract {

    @Override
    Dialect dialect() {
        return Dialects.ANTHROPIC;
    }

    @Override
    boolean stream() {
        return false;
    }

    @Override
    String path() {
        return "/v1/messages";
    }

    @Override
    String request() {
        return Contracts.anthropic(false);
    }

    @Override
    String summedOutput(long t) {
        return "\"output_tokens\":" + t;
    }
}
