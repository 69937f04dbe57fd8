package dev.headroom.testsupport;

/**
 * Token usage reported in replies. By default the fake estimates input as body bytes / 4 and output as
 * reply characters / 4; tests that check accounting set fixed figures with {@link FakeLlmUpstream#usage(Usage)}.
 */
public record Usage(long inputTokens, long outputTokens, long cacheReadTokens, long cacheCreationTokens) {

    static Usage estimate(int bodyBytes, String replyText) {
        return new Usage(Math.max(1, bodyBytes / 4), Math.max(1, replyText.length() / 4), 0, 0);
    }
}
