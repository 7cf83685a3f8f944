using System.Globalization;
using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using ChatBotHost.Abstractions.Declaration;
using ChatBotHost.Bitrix.Events;
using ChatBotHost.Bitrix.Requests.Messages;
using ChatBotHost.Emulator;
using ChatBotHost.Emulator.Portal;
using ChatBotHost.Inbox;
using ChatBotHost.IntegrationTests.Harness;
using ChatBotHost.State;
using ChatBotHost.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace ChatBotHost.IntegrationTests;

/// <summary>
/// Every keyboard press, edit and message is handled once, in both event modes: webhook deliveries are told apart by
/// their bodies, fetched events by their eventIds. The emulator's clock moves a second between two actions of one
/// user that would otherwise send the same body (Bitrix24 stamps ts in seconds); no test waits on the wall clock.
/// </summary>
[Collection(RedisCollection.Name)]
public sealed class WebhookEventIdentityTests(RedisFixture redis)
{
    private const string Code = "tally";
    private const string Token = "tally-token-0123456789abcdef";

    [Theory]
    [InlineData("fetch")]
    [InlineData("webhook")]
    public async Task Presses_SameButtonTwice_ByTwoUsers_AndWithOtherParams_AreEachAnswered(string eventMode)
    {
        var (clock, emulator, host) = await StartAsync(eventMode);
        await using var disposeEmulator = emulator;
        await using var disposeHost = host;
        var bot = emulator.Portal.FindBot(Code)!;
        var second = emulator.Portal.AddUser("Anna", "Lee");
        var chatId = emulator.Portal.CreateGroupChat("Buttons", 1, second.Id);
        await emulator.Portal.AddBotToChatAsync(chatId, bot.Id, addedByUserId: 1);
        var keyboard = await emulator.Portal.WaitForBotMessageAsync(m => m.Text == TallyBot.Pick && m.ChatId == chatId, Waits.Reply, CancellationToken.None);

        await emulator.Portal.PressButtonAsync(1, keyboard.Id, TallyBot.Press, "yes");
        clock.Advance(TimeSpan.FromSeconds(1));
        await emulator.Portal.PressButtonAsync(1, keyboard.Id, TallyBot.Press, "yes");
        await emulator.Portal.PressButtonAsync(second.Id, keyboard.Id, TallyBot.Press, "yes");
        await emulator.Portal.PressButtonAsync(1, keyboard.Id, TallyBot.Press, "no");

        // The old key (message id + command id) answered the first of these four and dropped the rest.
        await WaitForAsync(emulator, chatId, m => m.Text.StartsWith("pressed ", StringComparison.Ordinal), 4);
        var answers = Texts(emulator, chatId, "pressed ");
        Assert.Equal(["pressed no by 1", "pressed yes by 1", "pressed yes by 1", $"pressed yes by {second.Id.ToString(CultureInfo.InvariantCulture)}"], answers.Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("fetch")]
    [InlineData("webhook")]
    public async Task Edits_AToBToA_AreEachAnswered(string eventMode)
    {
        var (clock, emulator, host) = await StartAsync(eventMode);
        await using var disposeEmulator = emulator;
        await using var disposeHost = host;
        var dialog = emulator.Portal.FindBot(Code)!.Id.ToString(CultureInfo.InvariantCulture);

        // The old key (message id + text) took the third edit for a repeat of the first.
        var messageId = await emulator.Portal.SendUserMessageAsync(1, dialog, "draft");
        foreach (var text in new[] { "A", "B", "A" })
        {
            clock.Advance(TimeSpan.FromSeconds(1));
            await emulator.Portal.EditUserMessageAsync(1, messageId, text);
        }

        await WaitForAsync(emulator, null, m => m.Text.StartsWith("edited ", StringComparison.Ordinal), 3);
        Assert.Equal(["got draft"], Texts(emulator, null, "got "));
        Assert.Equal(["edited A", "edited B", "edited A"], Texts(emulator, null, "edited "));
    }

    [Fact]
    public async Task ReplayedIdenticalBody_IsAnsweredOnce_AndADifferentBodyIsAnswered()
    {
        var (_, emulator, host) = await StartAsync("webhook");
        await using var disposeEmulator = emulator;
        await using var disposeHost = host;
        var bot = emulator.Portal.FindBot(Code)!;
        using var http = new HttpClient();

        // A genuine delivery first, so the bot's application_token is learned.
        await emulator.Portal.SendUserMessageAsync(1, bot.Id.ToString(CultureInfo.InvariantCulture), "genuine");
        await WaitForAsync(emulator, null, m => m.Text == "got genuine", 1);

        var body = WebhookForms.MessageAdded(bot.Id, bot.ApplicationToken, messageId: "5000", text: "once", botCode: Code);
        Assert.Equal(HttpStatusCode.OK, (await WebhookForms.PostAsync(http, bot.WebhookUrl!, body)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await WebhookForms.PostAsync(http, bot.WebhookUrl!, body)).StatusCode);

        // Same message id, other text: another delivery. The dialog runs its events in order, so once this one is
        // answered the replay before it has been handled too, and dropped.
        var other = WebhookForms.MessageAdded(bot.Id, bot.ApplicationToken, messageId: "5000", text: "after", botCode: Code);
        Assert.Equal(HttpStatusCode.OK, (await WebhookForms.PostAsync(http, bot.WebhookUrl!, other)).StatusCode);
        await WaitForAsync(emulator, null, m => m.Text == "got after", 1);

        Assert.Equal(["got genuine", "got once", "got after"], Texts(emulator, null, "got "));
    }

    // Fetch mode's replay: Event.get hands out an event again when the offset that confirms it was never sent (the
    // replica that stored it died first). The reader stores it again, as FetchReceiver does; the eventId drops it.
    [Fact]
    public async Task ReplayedFetchedEvent_IsAnsweredOnce_AndTheNextEventIsAnswered()
    {
        var (_, emulator, host) = await StartAsync("fetch");
        await using var disposeEmulator = emulator;
        await using var disposeHost = host;
        var bot = host.Bot(Code);
        var writer = host.Services.GetRequiredService<InboxWriter>();

        var once = FetchedMessage(bot.BotId, eventId: 900_001, text: "once");
        await writer.EnqueueAsync(once, CancellationToken.None);
        await writer.EnqueueAsync(once, CancellationToken.None);
        await writer.EnqueueAsync(FetchedMessage(bot.BotId, eventId: 900_002, text: "after"), CancellationToken.None);
        await WaitForAsync(emulator, null, m => m.Text == "got after", 1);

        Assert.Equal(["got once", "got after"], Texts(emulator, null, "got "));

        InboxItem FetchedMessage(int botId, long eventId, string text)
        {
            var json = new JsonObject
            {
                ["eventId"] = eventId,
                ["type"] = MessageAdded.WireType,
                ["date"] = "2026-01-01T10:00:00+00:00",
                ["data"] = new JsonObject
                {
                    ["bot"] = new JsonObject { ["id"] = botId, ["code"] = Code },
                    ["message"] = new JsonObject { ["id"] = 5000, ["chatId"] = 7, ["authorId"] = 1, ["text"] = text },
                    ["chat"] = new JsonObject { ["id"] = 7, ["dialogId"] = "1", ["type"] = "private" },
                    ["user"] = new JsonObject { ["id"] = 1 },
                    ["language"] = "en",
                },
            }.ToJsonString();
            using var wire = JsonDocument.Parse(json);
            var evt = FetchEventDecoder.Decode(wire.RootElement);
            return new InboxItem
            {
                Portal = bot.Portal.Key,
                BotCode = Code,
                DialogId = evt.DialogId!,
                DeduplicationKey = evt.DeduplicationKey,
                Source = InboxItem.Sources.Fetch,
                Payload = json,
                ReceivedAt = DateTimeOffset.UtcNow,
            };
        }
    }

    private async Task<(FakeTimeProvider Clock, BitrixEmulator Emulator, InProcessHost Host)> StartAsync(string eventMode)
    {
        await redis.Server.FlushAsync();
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var emulator = await BitrixEmulator.StartAsync(new EmulatorOptions { TimeProvider = clock }, CancellationToken.None);
        var settings = new HostSettings(emulator, redis.Server.ConfigurationString, eventMode)
            .Set($"ChatBotHost:Bots:{Code}:BotToken", Token)
            .Set($"ChatBotHost:Bots:{Code}:EventMode", eventMode);
        return (clock, emulator, await InProcessHost.StartAsync(settings, typeof(TallyBot)));
    }

    private static Task<EmulatedMessage> WaitForAsync(BitrixEmulator emulator, int? chatId, Func<EmulatedMessage, bool> matches, int count) =>
        emulator.Portal.WaitForBotMessageAsync(
            m => matches(m) && emulator.Portal.GetMessages(null).Count(b => b.PostedByBotId is not null && (chatId is null || b.ChatId == chatId) && matches(b)) >= count,
            Waits.Reply,
            CancellationToken.None);

    private static string[] Texts(BitrixEmulator emulator, int? chatId, string prefix) =>
        [.. emulator.Portal.GetMessages(null)
            .Where(m => m.PostedByBotId is not null && (chatId is null || m.ChatId == chatId) && m.Text.StartsWith(prefix, StringComparison.Ordinal))
            .OrderBy(m => m.Id)
            .Select(m => m.Text)];

    /// <summary>Answers every press, message and edit with what it got, so a lost one shows as a missing answer.</summary>
    public sealed class TallyBot : IBot
    {
        public const string Pick = "Pick one";
        public const string Press = "press";

        public void Configure(BotBuilder bot) => bot
            .Profile(Code, "Tally")
            .Command(Press, "Press a button", (cmd, turn, ct) =>
                turn.ReplyAsync(new MessageFields { Message = $"pressed {cmd.Params} by {cmd.User.Id.ToString(CultureInfo.InvariantCulture)}" }, ct))
            .On<BotJoinedChat>((_, turn, ct) => turn.ReplyAsync(new MessageFields { Message = Pick, Keyboard = Keyboard() }, ct))
            .On<MessageUpdated>((edit, turn, ct) => turn.ReplyAsync(new MessageFields { Message = $"edited {edit.Message.Text}" }, ct))
            .OnMessage((msg, turn, ct) => turn.ReplyAsync(new MessageFields { Message = $"got {msg.Message.Text}" }, ct));

        private static JsonObject Keyboard() => new()
        {
            ["BUTTONS"] = new JsonArray(
                new JsonObject { ["TEXT"] = "Yes", ["COMMAND"] = Press, ["COMMAND_PARAMS"] = "yes" },
                new JsonObject { ["TEXT"] = "No", ["COMMAND"] = Press, ["COMMAND_PARAMS"] = "no" }),
        };
    }
}
