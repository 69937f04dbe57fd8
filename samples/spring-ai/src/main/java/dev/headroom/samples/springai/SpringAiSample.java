package dev.headroom.samples.springai;

import dev.headroom.samples.data.SampleData;
import org.springframework.ai.anthropic.api.AnthropicApi;
import org.springframework.ai.anthropic.api.AnthropicApi.AnthropicMessage;
import org.springframework.ai.anthropic.api.AnthropicApi.ChatCompletionRequest;
import org.springframework.ai.anthropic.api.AnthropicApi.ChatCompletionResponse;
import org.springframework.ai.anthropic.api.AnthropicApi.ContentBlock;
import org.springframework.ai.anthropic.api.AnthropicApi.Role;

import java.util.List;
import java.util.Map;

/**
 * Spring AI 1.1's Anthropic API client. Its RestClient picks Apache HttpClient 5 when that is on the class
 * path, so this sample exercises the agent's Apache hook.
 */
public final class SpringAiSample {

    public static void main(String[] args) {
        AnthropicApi api = AnthropicApi.builder()
                .baseUrl(SampleData.baseUrl("https://api.anthropic.com"))
                .apiKey(SampleData.apiKey())
                .build();
        ChatCompletionRequest request = ChatCompletionRequest.builder()
                .model("claude-sonnet-4-5")
                .maxTokens(512)
                .messages(List.of(
                        new AnthropicMessage(List.of(new ContentBlock(SampleData.QUESTION)), Role.USER),
                        new AnthropicMessage(List.of(new ContentBlock(ContentBlock.Type.TOOL_USE, SampleData.TOOL_CALL_ID,
                                SampleData.TOOL_NAME, Map.of("since", "2026-11-25"))), Role.ASSISTANT),
                        new AnthropicMessage(List.of(new ContentBlock(ContentBlock.Type.TOOL_RESULT, SampleData.TOOL_CALL_ID,
                                SampleData.ordersJson())), Role.USER)))
                .build();
        ChatCompletionResponse response = api.chatCompletionEntity(request).getBody();
        String text = response == null || response.content().isEmpty() ? "(no text)" : response.content().get(0).text();
        System.out.println("spring-ai answer: " + text);
    }
}
