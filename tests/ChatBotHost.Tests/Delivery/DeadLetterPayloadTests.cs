using System.Text.Json.Nodes;
using ChatBotHost.Bitrix.Requests.Bots;
using ChatBotHost.Delivery;

namespace ChatBotHost.Tests.Delivery;

public sealed class DeadLetterPayloadTests
{
    [Fact]
    public void Of_Message_KeepsMethodAndParameters()
    {
        var payload = JsonNode.Parse(DeadLetterPayload.Of("imbot.v2.Chat.Message.send", Sends.Message("chat5", "hi & bye")))!;

        Assert.Equal("imbot.v2.Chat.Message.send", payload["method"]!.ToString());
        Assert.Equal("chat5", payload["params"]!["dialogId"]!.ToString());
        Assert.Equal("hi & bye", payload["params"]!["fields"]!["message"]!.ToString());
        Assert.Null(payload["params"]!["method"]);
    }

    [Fact]
    public void Of_BotUpdateWithTokenAndWebhookUrl_LeavesBothOut()
    {
        var request = new BotUpdateRequest
        {
            BotId = 5,
            Fields = new BotUpdateFields { BotToken = "new-secret-token", WebhookUrl = "https://bots.example.com/bitrix/events/echo/s3cr3t", EventMode = "webhook" },
        };

        var payload = DeadLetterPayload.Of(request.Method, request);

        Assert.DoesNotContain("new-secret-token", payload, StringComparison.Ordinal);
        Assert.DoesNotContain("s3cr3t", payload, StringComparison.Ordinal);
        Assert.Equal("webhook", JsonNode.Parse(payload)!["params"]!["fields"]!["eventMode"]!.ToString());
    }
}
