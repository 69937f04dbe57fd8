package dev.headroom.proxy.budget;

import dev.headroom.dialects.Dialect;
import dev.headroom.dialects.Dialects;
import dev.headroom.proxy.record.ExchangeRecorder;
import io.javalin.http.Context;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Refuses model calls once the budget is spent, before the body is read or the upstream is called: status 429,
 * a {@code retry-after} with the seconds until the spend leaves the window, and the error shape the client's SDK
 * already knows (Anthropic {@code rate_limit_error}; OpenAI {@code insufficient_quota} / {@code budget_exceeded}).
 * Only POSTs can spend; token counting is free, so it always passes.
 */
public final class BudgetGate {

    private final Budget budget;

    public BudgetGate(Budget budget) {
        this.budget = budget;
    }

    /** Answers a model call 429 when the budget is spent; true when it did. */
    public boolean refused(Context ctx, ExchangeRecorder x, String path, Dialect dialect) throws IOException {
        if (!"POST".equals(x.method()) || path == null || path.contains("count_tokens")) {
            return false;
        }
        Optional<Budget.Refusal> refusal = budget.check();
        if (refusal.isEmpty()) {
            return false;
        }
        byte[] body = body(dialect, refusal.get().message());
        x.status(429);
        x.skipped("budget exceeded");
        var res = ctx.res();
        res.setStatus(429);
        res.setHeader("retry-after", String.valueOf(refusal.get().retryAfterSeconds()));
        res.setContentType("application/json");
        res.setContentLength(body.length);
        res.getOutputStream().write(body);
        res.getOutputStream().flush();
        return true;
    }

    static byte[] body(Dialect dialect, String message) {
        String m = quote(message);
        String json = dialect == Dialects.ANTHROPIC
                ? "{\"type\":\"error\",\"error\":{\"type\":\"rate_limit_error\",\"message\":" + m + "}}"
                : "{\"error\":{\"message\":" + m + ",\"type\":\"insufficient_quota\",\"param\":null,"
                        + "\"code\":\"budget_exceeded\"}}";
        return json.getBytes(StandardCharsets.UTF_8);
    }

    private static String quote(String s) {
        try {
            return new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(s);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
