package dev.headroom.dialects.retrieve;

import dev.headroom.dialects.Dialect;
import dev.headroom.dialects.Dialects;

/** The retrieve round's contract for {@link Dialects#RESPONSES} on an event stream. */
class ResponsesStreamRoundsTest extends RetrieveRoundsContract {

    @Override
    Dialect dialect() {
        return Dialects.RESPONSES;
    }

    @Override
    boolean stream() {
        return true;
    }

    @Override
    String path() {
        return "/v1/responses";
    }

    @Override
    String request() {
        return Contracts.responses(true);
    }

    @Override
    String summedOutput(long t) {
        return "\"output_tokens\":" + t;
    }
}
