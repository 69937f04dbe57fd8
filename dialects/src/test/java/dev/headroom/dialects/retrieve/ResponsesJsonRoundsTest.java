package dev.headroom.dialects.retrieve;

import dev.headroom.dialects.Dialect;
import dev.headroom.dialects.Dialects;

/** The retrieve round's contract for {@link Dialects#RESPONSES} on JSON replies. */
class ResponsesJsonRoundsTest extends RetrieveRoundsContract {

    @Override
    Dialect dialect() {
        return Dialects.RESPONSES;
    }

    @Override
    boolean stream() {
        return false;
    }

    @Override
    String path() {
        return "/v1/responses";
    }

    @Override
    String request() {
        return Contracts.responses(false);
    }

    @Override
    String summedOutput(long t) {
        return "\"output_tokens\":" + t;
    }
}
