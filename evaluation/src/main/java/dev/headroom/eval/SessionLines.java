package dev.headroom.eval;

import dev.headroom.engine.format.WireFormat;
import dev.headroom.engine.tokens.TokenCounter;
import dev.headroom.engine.tokens.TokenCounters;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * A session's savings seen three ways: its distinct tool outputs, its last request as a whole, and all its
 * requests summed (what the client sends over the whole conversation). Counting whole requests costs as much
 * as the rest of the report, so it is only done for the sets whose sessions are printed one by one.
 */
record SessionLines(Tally toolOutputs, Tally lastRequest, Tally allRequests) {

    static SessionLines of(List<DistinctUnit> units, SessionReplay.Replayed lossless, SessionReplay.Replayed balanced) {
        Tally outputs = new Tally();
        units.forEach(u -> outputs.add(u.before(), u.lossless(), u.balanced()));
        Tally last = new Tally();
        Tally all = new Tally();
        for (int t = 0; t < balanced.turns().size(); t++) {
            SessionReplay.Turn b = balanced.turns().get(t);
            SessionReplay.Turn l = lossless.turns().get(t);
            TokenCounter counter = TokenCounters.forModel(b.result().model(), b.result().format() == WireFormat.ANTHROPIC);
            long before = counter.count(text(b.original()));
            long afterLossless = l.result().modified() ? counter.count(text(l.result().body())) : before;
            long afterBalanced = b.result().modified() ? counter.count(text(b.result().body())) : before;
            all.add(before, afterLossless, afterBalanced);
            if (t == balanced.turns().size() - 1) {
                last.add(before, afterLossless, afterBalanced);
            }
        }
        return new SessionLines(outputs, last, all);
    }

    private static String text(byte[] body) {
        return new String(body, StandardCharsets.UTF_8);
    }
}
