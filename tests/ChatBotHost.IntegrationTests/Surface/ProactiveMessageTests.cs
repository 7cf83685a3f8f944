using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using ChatBotHost.Abstractions.Proactive;
using ChatBotHost.Bitrix.Requests.Messages;
using ChatBotHost.Bots.Echo;
using ChatBotHost.Emulator;
using ChatBotHost.Emulator.Portal;
using ChatBotHost.IntegrationTests.Harness;
using Microsoft.Extensions.DependencyInjection;

namespace ChatBotHost.IntegrationTests.Surface;

/// <summary>
/// A bot speaks outside a turn — through <see cref="IBotMessenger"/> in the host and through
/// POST /api/bots/{botCode}/messages with the API key — and the message reaches the emulated portal over real HTTP.
/// </summary>
public sealed class ProactiveMessageTests
{
    private const string ApiKey = "api-key-0123456789abcdef0123456789abcdef";
    private const string Path = "api/bots/echo/messages";

    [Fact]
    public async Task Endpoint_WithoutAConfiguredKey_DoesNotExist()
    {
        await using var rig = await Rig.StartAsync(apiKey: null);

        using var answer = await rig.PostAsync(Path, new { dialogId = "1", message = "hi" }, ApiKey);

        Assert.Equal(HttpStatusCode.NotFound, answer.StatusCode);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("wrong-key-0123456789abcdef0123456789abcdef")]
    [InlineData("api-key-0123456789abcdef0123456789abcde")]
    public async Task Endpoint_WithoutTheRightKey_Answers401AndSendsNothing(string? key)
    {
        await using var rig = await Rig.StartAsync(ApiKey);

        using var answer = await rig.PostAsync(Path, new { dialogId = "1", message = "hi" }, key);

        Assert.Equal(HttpStatusCode.Unauthorized, answer.StatusCode);
        Assert.Equal("Bearer", answer.Headers.WwwAuthenticate.ToString());
        Assert.DoesNotContain(rig.Emulator.Portal.GetMessages(null), m => m.Text == "hi");
    }

    [Fact]
    public async Task Endpoint_WithTheKey_Answers202WithTheIdAndTheBotSpeaks()
    {
        await using var rig = await Rig.StartAsync(ApiKey);

        using var answer = await rig.PostAsync(Path, new { dialogId = "1", message = "[b]Build failed[/b]" }, ApiKey);

        Assert.Equal(HttpStatusCode.Accepted, answer.StatusCode);
        var id = (await answer.Content.ReadFromJsonAsync<JsonObject>())!["id"]!.GetValue<string>();
        Assert.StartsWith("proactive:", id, StringComparison.Ordinal);
        var sent = await rig.WaitAsync(m => m.Text == "[b]Build failed[/b]");
        // The user's side of the 1:1 is named after the bot.
        Assert.Equal(rig.Emulator.Portal.FindBot("echo")!.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), sent.DialogId);
    }

    [Fact]
    public async Task Endpoint_SameIdempotencyKeyTwice_QueuesOnceAndAnswersTheSameId()
    {
        await using var rig = await Rig.StartAsync(ApiKey);

        using var first = await rig.PostAsync(Path, new { dialogId = "1", message = "once" }, ApiKey, idempotencyKey: "alert-17");
        await rig.WaitAsync(m => m.Text == "once");
        using var second = await rig.PostAsync(Path, new { dialogId = "1", message = "once" }, ApiKey, idempotencyKey: "alert-17");
        using var marker = await rig.PostAsync(Path, new { dialogId = "1", message = "after" }, ApiKey);
        await rig.WaitAsync(m => m.Text == "after");

        Assert.Equal(HttpStatusCode.Accepted, second.StatusCode);
        Assert.Equal(await first.Content.ReadAsStringAsync(), await second.Content.ReadAsStringAsync());
        Assert.Single(rig.Emulator.Portal.GetMessages(null), m => m.Text == "once");
    }

    [Theory]
    [InlineData("""{"dialogId":"1"}""", HttpStatusCode.BadRequest)]
    [InlineData("""{"dialogId":"1","message":""}""", HttpStatusCode.BadRequest)]
    [InlineData("""{"dialogId":"../x","message":"hi"}""", HttpStatusCode.BadRequest)]
    [InlineData("not json", HttpStatusCode.BadRequest)]
    public async Task Endpoint_BadBody_Answers400(string body, HttpStatusCode expected)
    {
        await using var rig = await Rig.StartAsync(ApiKey);

        using var answer = await rig.PostRawAsync(Path, body, ApiKey);

        Assert.Equal(expected, answer.StatusCode);
    }

    [Fact]
    public async Task Endpoint_UnknownBot_Answers404()
    {
        await using var rig = await Rig.StartAsync(ApiKey);

        using var answer = await rig.PostAsync("api/bots/nobody/messages", new { dialogId = "1", message = "hi" }, ApiKey);

        Assert.Equal(HttpStatusCode.NotFound, answer.StatusCode);
    }

    [Fact]
    public async Task Endpoint_BodyOverTheLimit_Answers413BeforeReadingIt()
    {
        await using var rig = await Rig.StartAsync(ApiKey);

        var huge = new string('a', 700_000);
        using var answer = await rig.PostRawAsync(Path, $$"""{"dialogId":"1","message":"{{huge}}"}""", ApiKey);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, answer.StatusCode);
    }

    [Fact]
    public async Task Messenger_TwoMessagesFromAService_ArriveInTheOrderQueued()
    {
        await using var rig = await Rig.StartAsync(apiKey: null);
        var messenger = rig.Host.Services.GetRequiredService<IBotMessenger>();

        foreach (var text in new[] { "first", "second", "third" })
        {
            await messenger.SendAsync(
                new ProactiveMessage { BotCode = "echo", DialogId = "1", Message = new MessageFields { Message = text } }, CancellationToken.None);
        }

        await rig.WaitAsync(m => m.Text == "third");
        var order = rig.Emulator.Portal.GetMessages(null).Where(m => m.Text is "first" or "second" or "third").OrderBy(m => m.Id).Select(m => m.Text);
        Assert.Equal(["first", "second", "third"], order);
    }

    [Fact]
    public async Task Messenger_UnknownPortal_IsRefusedAsBotNotFound()
    {
        await using var rig = await Rig.StartAsync(apiKey: null);
        var messenger = rig.Host.Services.GetRequiredService<IBotMessenger>();

        var error = await Assert.ThrowsAsync<BotMessengerException>(() => messenger.SendAsync(
            new ProactiveMessage { BotCode = "echo", DialogId = "1", MemberId = "abc", Message = new MessageFields { Message = "x" } },
            CancellationToken.None));
        Assert.True(error.BotNotFound);
    }

    [Fact]
    public async Task Messenger_TakenByABotsConstructor_HostStartsAndTheMessageFollowsTheReply()
    {
        await using var emulator = await BitrixEmulator.StartAsync(new EmulatorOptions(), CancellationToken.None);
        await using var host = await InProcessHost.StartAsync(
            new HostSettings(emulator, redis: null, "webhook")
                .Set($"ChatBotHost:Bots:{MessengerProbeBot.Code}:BotToken", "messenger-token-0123456789abcdef")
                .Set($"ChatBotHost:Bots:{MessengerProbeBot.Code}:EventMode", "webhook"),
            typeof(MessengerProbeBot));
        var bot = emulator.Portal.FindBot(MessengerProbeBot.Code)!;

        await emulator.Portal.SendUserMessageAsync(1, bot.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), "hello");

        var later = await emulator.Portal.WaitForBotMessageAsync(m => m.PostedByBotId == bot.Id && m.Text == "later", Waits.Reply, CancellationToken.None);
        var queued = Assert.Single(emulator.Portal.GetMessages(null), m => m.PostedByBotId == bot.Id && m.Text == "queued");
        Assert.True(queued.Id < later.Id);
    }

    private sealed record Rig(BitrixEmulator Emulator, InProcessHost Host, HttpClient Http) : IAsyncDisposable
    {
        public static async Task<Rig> StartAsync(string? apiKey)
        {
            var emulator = await BitrixEmulator.StartAsync(new EmulatorOptions(), CancellationToken.None);
            var settings = new HostSettings(emulator, redis: null, "webhook");
            if (apiKey is not null)
            {
                settings.Set("ChatBotHost:Api:Key", apiKey);
            }

            var host = await InProcessHost.StartAsync(settings, typeof(EchoBot));
            return new Rig(emulator, host, new HttpClient { BaseAddress = host.BaseUrl });
        }

        public Task<HttpResponseMessage> PostAsync(string path, object body, string? key, string? idempotencyKey = null) =>
            PostRawAsync(path, System.Text.Json.JsonSerializer.Serialize(body), key, idempotencyKey);

        public async Task<HttpResponseMessage> PostRawAsync(string path, string body, string? key, string? idempotencyKey = null)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
            if (key is not null)
            {
                request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", key);
            }

            if (idempotencyKey is not null)
            {
                request.Headers.Add("Idempotency-Key", idempotencyKey);
            }

            return await Http.SendAsync(request);
        }

        public Task<EmulatedMessage> WaitAsync(Func<EmulatedMessage, bool> predicate) =>
            Emulator.Portal.WaitForBotMessageAsync(predicate, Waits.Reply, CancellationToken.None);

        public async ValueTask DisposeAsync()
        {
            Http.Dispose();
            await Host.DisposeAsync();
            await Emulator.DisposeAsync();
        }
    }
}
