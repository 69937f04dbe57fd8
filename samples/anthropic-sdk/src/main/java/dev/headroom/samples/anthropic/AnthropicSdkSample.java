package dev.headroom.samples.anthropic;

import com.anthropic.client.AnthropicClient;
import com.anthropic.client.okhttp.AnthropicOkHttpClient;
import com.anthropic.core.JsonValue;
import com.anthropic.models.messages.ContentBlockParam;
import com.anthropic.models.messages.Message;
import com.anthropic.models.messages.MessageCreateParams;
import com.anthropic.models.messages.ToolResultBlockParam;
import com.anthropic.models.messages.ToolUseBlockParam;
import dev.headroom.samples.data.SampleData;

import java.util.List;

/** The official Anthropic Java SDK (OkHttp 4) answering a question about a tool's JSON output. */
public final class AnthropicSdkSample {

    public static void main(String[] args) {
        AnthropicClient client = AnthropicOkHttpClient.builder()
                .apiKey(SampleData.apiKey())
                .baseUrl(SampleData.baseUrl("https://api.anthropic.com"))
                .build();
        MessageCreateParams params = MessageCreateParams.builder()
                .model("claude-sonnet-4-5")
                .maxTokens(512)
                .system("You are a payments support assistant. Be brief.")
                .addUserMessage(SampleData.QUESTION)
                .addAssistantMessageOfContentBlockParams(List.of(ContentBlockParam.ofToolUse(ToolUseBlockParam.builder()
                        .id(SampleData.TOOL_CALL_ID)
                        .name(SampleData.TOOL_NAME)
                        .input(ToolUseBlockParam.Input.builder()
                                .putAdditionalProperty("since", JsonValue.from("2026-11-25")).build())
                        .build())))
                .addUserMessageOfContentBlockParams(List.of(ContentBlockParam.ofToolResult(ToolResultBlockParam.builder()
                        .toolUseId(SampleData.TOOL_CALL_ID)
                        .content(SampleData.ordersJson())
                        .build())))
                .build();
        Message message = client.messages().create(params);
        System.out.println("anthropic-sdk answer: " + message.content().get(0).text().map(t -> t.text()).orElse("(no text)"));
        client.close();
    }
}
