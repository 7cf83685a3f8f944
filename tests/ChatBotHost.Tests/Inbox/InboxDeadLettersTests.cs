using ChatBotHost.Inbox;
using ChatBotHost.State;
using ChatBotHost.State.InMemory;
using Microsoft.Extensions.Logging.Abstractions;

namespace ChatBotHost.Tests.Inbox;

public sealed class InboxDeadLettersTests
{
    private const string Portal = "letters.bitrix24.test";

    [Theory]
    [InlineData(InboxItem.Sources.Fetch, """{"eventId":5,"type":"ONIMBOTV2MESSAGEADD","data":{"bot":{"id":4,"auth":{"access_token":"tok-access","refresh_token":"tok-refresh"}},"message":{"id":9,"text":"hello"}}}""", null)]
    [InlineData(InboxItem.Sources.Webhook, "event=ONIMBOTV2MESSAGEADD&data%5Bbot%5D%5Bauth%5D%5Baccess_token%5D=tok-access&data%5Bmessage%5D%5Btext%5D=hello&auth%5Bapplication_token%5D=tok-app", "application/x-www-form-urlencoded")]
    [InlineData(InboxItem.Sources.Webhook, """{"event":"ONIMBOTV2MESSAGEADD","data":{"bot":{"auth":{"access_token":"tok-access"}},"message":{"text":"hello"}},"auth":{"application_token":"tok-app"}}""", "application/json")]
    public async Task AddAsync_EventOfEitherKind_KeepsTheEventWithoutItsTokens(string source, string payload, string? contentType)
    {
        var store = new InMemoryDeadLetterStore();
        var letters = new InboxDeadLetters(new FakeTimeProvider(), NullLogger<InboxDeadLetters>.Instance, store);
        var item = new InboxItem
        {
            Portal = Portal,
            BotCode = "echo",
            DialogId = "chat1",
            Source = source,
            Payload = payload,
            ContentType = contentType,
            ReceivedAt = DateTimeOffset.UnixEpoch,
        };

        await letters.AddAsync(item, "it failed", CancellationToken.None);

        var letter = Assert.Single(await store.ListAsync(Portal, 10, CancellationToken.None));
        Assert.DoesNotContain("tok-", letter.Payload, StringComparison.Ordinal);
        Assert.Contains("hello", letter.Payload, StringComparison.Ordinal);
        Assert.Equal(DeadLetter.Kinds.Event, letter.Kind);
    }
}
