package dev.headroom.samples.langchain4j;

import dev.headroom.samples.data.SampleData;
import dev.langchain4j.agent.tool.ToolExecutionRequest;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.ToolExecutionResultMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.anthropic.AnthropicChatModel;
import dev.langchain4j.model.chat.response.ChatResponse;

import java.util.List;

/** LangChain4j's Anthropic model, which sends through java.net.http (langchain4j-http-client-jdk). */
public final class LangChain4jSample {

    public static void main(String[] args) {
        AnthropicChatModel model = AnthropicChatModel.builder()
                .baseUrl(SampleData.baseUrl("https://api.anthropic.com") + "/v1/")
                .apiKey(SampleData.apiKey())
                .modelName("claude-sonnet-4-5")
                .maxTokens(512)
                .build();
        ToolExecutionRequest call = ToolExecutionRequest.builder()
                .id(SampleData.TOOL_CALL_ID).name(SampleData.TOOL_NAME).arguments(SampleData.TOOL_ARGUMENTS).build();
        ChatResponse response = model.chat(List.of(
                SystemMessage.from("You are a payments support assistant. Be brief."),
                UserMessage.from(SampleData.QUESTION),
                AiMessage.from(List.of(call)),
                ToolExecutionResultMessage.from(call, SampleData.ordersJson())));
        System.out.println("langchain4j answer: " + response.aiMessage().text());
    }
}
