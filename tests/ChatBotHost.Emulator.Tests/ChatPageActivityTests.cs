using System.Globalization;
using System.Text.Json.Nodes;
using ChatBotHost.Emulator.Observation;
using ChatBotHost.Emulator.Tests.Support;

namespace ChatBotHost.Emulator.Tests;

/// <summary>The chat page's panel feed: what bots call and receive, masked when recorded, streamed as Server-Sent Events.</summary>
public sealed class ChatPageActivityTests : EmulatorTest
{
    [Fact]
    public async Task Feed_WithoutAChatPage_RecordsNothing()
    {
        await Client.RegisterBotAsync("echo", Token);

        Assert.Empty(Portal.State.Activity.After(0));
    }

    [Fact]
    public async Task RestCall_IsRecordedWithParamsAndAnswerAndTheTokenMasked()
    {
        await using var page = await ChatPageServer.StartAsync(Emulator);

        var botId = await Client.RegisterBotAsync("echo", Token);

        var entry = Assert.Single(Portal.State.Activity.After(0));
        Assert.Equal(ActivityEntry.RestKind, entry.Kind);
        Assert.Equal("imbot.v2.Bot.register", entry.Title);
        Assert.Equal(200, entry.Status);
        var body = entry.Body!.Value;
        Assert.Equal(SecretMask.Masked, body.GetProperty("params").GetProperty("botToken").GetString());
        Assert.Equal(botId, body.GetProperty("answer").GetProperty("result").GetProperty("bot").GetProperty("id").GetInt32());
        Assert.DoesNotContain(Token, body.GetRawText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task EmptyEventGet_IsNotRecorded_ButOneWithEventsIs()
    {
        var botId = await Client.RegisterBotAsync("echo", Token);
        await using var page = await ChatPageServer.StartAsync(Emulator);

        await Client.EventGetAsync(botId, Token);
        await Portal.OpenPrivateChatAsync(Admin, botId);
        await Client.EventGetAsync(botId, Token);

        Assert.Equal(
            [(ActivityEntry.EventKind, "ONIMBOTV2JOINCHAT → echo (fetch queue)"), (ActivityEntry.RestKind, "imbot.v2.Event.get")],
            Portal.State.Activity.After(0).Select(e => (e.Kind, e.Title)));
    }

    [Fact]
    public async Task WebhookEvent_IsRecordedAsPayloadAndRawFormWithTokensMasked()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        var botId = await Client.RegisterBotAsync("hook", Token, eventMode: "webhook", webhookUrl: receiver.Url);
        await using var page = await ChatPageServer.StartAsync(Emulator);

        await Portal.OpenPrivateChatAsync(Admin, botId);

        var entry = Assert.Single(Portal.State.Activity.After(0), e => e.Kind == ActivityEntry.EventKind);
        Assert.Equal("ONIMBOTV2JOINCHAT → hook (webhook POST)", entry.Title);
        var body = entry.Body!.Value;
        Assert.Equal(SecretMask.Masked, body.GetProperty("auth").GetProperty("application_token").GetString());
        Assert.Equal(SecretMask.Masked, body.GetProperty("data").GetProperty("bot").GetProperty("auth").GetProperty("access_token").GetString());
        Assert.Contains("auth%5Bapplication_token%5D=***", entry.Raw, StringComparison.Ordinal);
        Assert.Contains("data%5Bbot%5D%5Bauth%5D%5Baccess_token%5D=***", entry.Raw, StringComparison.Ordinal);
        Assert.Contains("event=ONIMBOTV2JOINCHAT", entry.Raw, StringComparison.Ordinal);
        var outcome = Assert.Single(Portal.State.Activity.After(0), e => e.Kind == ActivityEntry.DeliveryKind);
        Assert.Equal(("ONIMBOTV2JOINCHAT POST to hook", 200, null), (outcome.Title, outcome.Status, outcome.Error));
    }

    [Fact]
    public async Task WebhookRefused_OutcomeShowsTheStatusAsAFailure()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        receiver.ResponseStatus = 403;
        var botId = await Client.RegisterBotAsync("hook", Token, eventMode: "webhook", webhookUrl: receiver.Url);
        await using var page = await ChatPageServer.StartAsync(Emulator);

        await Portal.OpenPrivateChatAsync(Admin, botId);

        var outcome = Assert.Single(Portal.State.Activity.After(0), e => e.Kind == ActivityEntry.DeliveryKind);
        Assert.Equal(403, outcome.Status);
        Assert.NotNull(outcome.Error);
    }

    [Fact]
    public async Task TypingNotify_IsRecordedWithTheChatAndDuration()
    {
        var botId = await Client.RegisterBotAsync("echo", Token);
        await Portal.OpenPrivateChatAsync(Admin, botId);
        await using var page = await ChatPageServer.StartAsync(Emulator);

        await Client.CallAsync("imbot.v2.Chat.InputAction.notify", new JsonObject
        {
            ["botId"] = botId, ["botToken"] = Token, ["dialogId"] = Admin.ToString(CultureInfo.InvariantCulture), ["duration"] = 5,
        });

        var typing = Assert.Single(Portal.State.Activity.After(0), e => e.Kind == ActivityEntry.TypingKind);
        Assert.Equal(Assert.Single(Portal.Chats).Id, typing.ChatId);
        Assert.Equal(botId, typing.BotId);
        Assert.Equal(5, typing.Seconds);
    }

    [Fact]
    public async Task Stream_SendsRecordedEntriesAsServerSentEvents()
    {
        await using var page = await ChatPageServer.StartAsync(Emulator);
        await Client.RegisterBotAsync("echo", Token);

        using var response = await page.Http.GetAsync(new Uri("api/activity", UriKind.Relative), HttpCompletionOption.ResponseHeadersRead);
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync());
        string? data = null;
        using var patience = new CancellationTokenSource(Patience);
        while (data is null && await reader.ReadLineAsync(patience.Token) is { } line)
        {
            data = line.StartsWith("data: ", StringComparison.Ordinal) ? line["data: ".Length..] : null;
        }

        Assert.Equal("text/event-stream", response.Content.Headers.ContentType!.MediaType);
        var entry = JsonNode.Parse(data!)!;
        Assert.Equal("imbot.v2.Bot.register", entry["title"]!.GetValue<string>());
        Assert.Equal(SecretMask.Masked, entry["body"]!["params"]!["botToken"]!.GetValue<string>());
    }
}
