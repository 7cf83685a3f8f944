using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using ChatBotHost.Tests.Pipeline;

namespace ChatBotHost.Tests.Inbox;

/// <summary>Webhook deliveries are queued undecoded; the worker decodes them and from then on names them by their key.</summary>
public sealed class InboxWebhookItemTests
{
    [Fact]
    public async Task UndecodableDelivery_IsDeadLetteredWithTheReason_AndTheDialogMovesOn()
    {
        var handled = new List<string>();
        await using var inbox = new InboxHarness(b => b.OnMessage((msg, _, _) =>
        {
            handled.Add(msg.Message.Text);
            return Task.CompletedTask;
        }));
        await inbox.StartAsync();

        await inbox.DeliverAsync(Body(messageId: "twelve", "lost"));
        await inbox.DeliverAsync(Body(messageId: "13", "after"));
        await inbox.AdvanceUntilAsync(() => handled.Count > 0, "the delivery after the undecodable one");

        Assert.Equal(["after"], handled);
        var letter = Assert.Single(await inbox.DeadLetters.ListAsync(inbox.Bot.Portal.Key, 10, CancellationToken.None));
        Assert.Contains("cannot be decoded", letter.Reason, StringComparison.Ordinal);
        Assert.Contains("data.message.id", letter.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task FailingDelivery_IsRetriedAndDeadLetteredUnderItsDeduplicationKey()
    {
        await using var inbox = new InboxHarness(
            b => b.OnMessage((_, _, _) => throw new InvalidOperationException("no luck")),
            o => o.MaxAttempts = 2);
        await inbox.StartAsync();

        var body = Body(messageId: "77", "doomed");
        await inbox.DeliverAsync(body);
        await inbox.AdvanceUntilAsync(() => inbox.DeadLetters.ListAsync(inbox.Bot.Portal.Key, 10, CancellationToken.None).Result.Count > 0, "the dead letter");

        var letter = Assert.Single(await inbox.DeadLetters.ListAsync(inbox.Bot.Portal.Key, 10, CancellationToken.None));
        // A webhook delivery is named by its exact body (Bitrix24 never retries one), not by the message id.
        var key = "w:ONIMBOTV2MESSAGEADD:" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(body)).AsSpan(0, 16));
        Assert.Contains($"\"deduplicationKey\":\"{key}\"", letter.Payload, StringComparison.Ordinal);
        Assert.Contains("\"attempts\":2", letter.Payload, StringComparison.Ordinal);
    }

    private static string Body(string messageId, string text) =>
        "event=ONIMBOTV2MESSAGEADD"
        + $"&data%5Bbot%5D%5Bid%5D={PipelineHarness.BotId.ToString(CultureInfo.InvariantCulture)}"
        + $"&data%5Bmessage%5D%5Bid%5D={messageId}&data%5Bmessage%5D%5BchatId%5D=1&data%5Bmessage%5D%5BauthorId%5D=5"
        + $"&data%5Bmessage%5D%5Btext%5D={text}&data%5Bchat%5D%5Bid%5D=1&data%5Bchat%5D%5BdialogId%5D=chat1&data%5Buser%5D%5Bid%5D=5";
}
