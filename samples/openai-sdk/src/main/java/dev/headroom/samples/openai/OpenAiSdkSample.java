package dev.headroom.samples.openai;

import com.openai.client.OpenAIClient;
import com.openai.client.okhttp.OpenAIOkHttpClient;
import com.openai.models.chat.completions.ChatCompletion;
import com.openai.models.chat.completions.ChatCompletionAssistantMessageParam;
import com.openai.models.chat.completions.ChatCompletionCreateParams;
import com.openai.models.chat.completions.ChatCompletionMessageFunctionToolCall;
import com.openai.models.chat.completions.ChatCompletionToolMessageParam;
import dev.headroom.samples.data.SampleData;

/** The official OpenAI Java SDK (OkHttp 4), Chat Completions with a tool result. */
public final class OpenAiSdkSample {

    public static void main(String[] args) {
        OpenAIClient client = OpenAIOkHttpClient.builder()
                .apiKey(SampleData.apiKey())
                .baseUrl(SampleData.baseUrl("https://api.openai.com") + "/v1")
                .build();
        ChatCompletionCreateParams params = ChatCompletionCreateParams.builder()
                .model("gpt-5")
                .addSystemMessage("You are a payments support assistant. Be brief.")
                .addUserMessage(SampleData.QUESTION)
                .addMessage(ChatCompletionAssistantMessageParam.builder()
                        .addToolCall(ChatCompletionMessageFunctionToolCall.builder()
                                .id(SampleData.TOOL_CALL_ID)
                                .function(ChatCompletionMessageFunctionToolCall.Function.builder()
                                        .name(SampleData.TOOL_NAME).arguments(SampleData.TOOL_ARGUMENTS).build())
                                .build())
                        .build())
                .addMessage(ChatCompletionToolMessageParam.builder()
                        .toolCallId(SampleData.TOOL_CALL_ID)
                        .content(SampleData.ordersJson())
                        .build())
                .build();
        ChatCompletion completion = client.chat().completions().create(params);
        System.out.println("openai-sdk answer: " + completion.choices().get(0).message().content().orElse("(no text)"));
        client.close();
    }
}
