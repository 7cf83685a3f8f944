using System.Globalization;
using System.Net;
using ChatBotHost.Bots.Counter;
using ChatBotHost.Bots.Echo;
using ChatBotHost.Emulator;
using ChatBotHost.IntegrationTests.Harness;
using ChatBotHost.Tests.Support;

namespace ChatBotHost.IntegrationTests;

/// <summary>Bad webhook requests get a 4xx with a reason and never reach a handler.</summary>
public sealed class WebhookAuthenticationTests
{
    [Fact]
    public async Task BadRequests_AreRejectedWithoutRunningAHandler()
    {
        await using var emulator = await BitrixEmulator.StartAsync(new EmulatorOptions(), CancellationToken.None);
        // The counter bot polls (fetch mode): its code must look no different from an unknown one.
        await using var host = await InProcessHost.StartAsync(
            new HostSettings(emulator, redis: null, "webhook").Set("ChatBotHost:Bots:counter:EventMode", "fetch"), typeof(EchoBot), typeof(CounterBot));
        var bot = emulator.Portal.FindBot("echo")!;
        var webhookUrl = bot.WebhookUrl!;
        using var http = new HttpClient();

        // A genuine delivery first, so the bot's application_token is learned.
        await emulator.Portal.SendUserMessageAsync(1, bot.Id.ToString(CultureInfo.InvariantCulture), "genuine");
        await emulator.Portal.WaitForBotMessageAsync(m => m.Text == "You said: genuine", Waits.Reply, CancellationToken.None);
        var repliesBefore = emulator.Portal.GetMessages(null).Count(m => m.PostedByBotId == bot.Id);

        var wrongSecret = new Uri(webhookUrl, "./" + new string('0', 48));
        Assert.Equal(HttpStatusCode.Forbidden, (await PostFormAsync(http, wrongSecret, Body(bot.Id, bot.ApplicationToken))).StatusCode);

        var forged = await PostFormAsync(http, webhookUrl, Body(bot.Id, "forged-application-token"));
        Assert.Equal(HttpStatusCode.Forbidden, forged.StatusCode);
        Assert.Contains("application_token", await forged.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var malformed = await PostFormAsync(http, webhookUrl, "event=ONIMBOTV2MESSAGEADD&data=not-an-object");
        Assert.Equal(HttpStatusCode.BadRequest, malformed.StatusCode);

        var otherBot = await PostFormAsync(http, webhookUrl, Body(bot.Id + 100, bot.ApplicationToken));
        Assert.Equal(HttpStatusCode.BadRequest, otherBot.StatusCode);

        // Posted by hand: the host answers before the body is in, and HttpClient would fail on the unsent rest.
        var huge = Body(bot.Id, bot.ApplicationToken) + "&pad=" + new string('x', 2 * 1024 * 1024);
        var (hugeStatus, hugeAnswer) = await RawHttp.PostAsync(webhookUrl, "application/x-www-form-urlencoded", huge, sendBytes: 4096);
        Assert.Equal(413, hugeStatus);
        Assert.Contains("The body exceeds 1048576 bytes.", hugeAnswer, StringComparison.Ordinal);

        // The same without a Content-Length: the size is only known while reading.
        var (chunkedStatus, chunkedAnswer) = await RawHttp.PostAsync(webhookUrl, "application/x-www-form-urlencoded", huge, chunked: true);
        Assert.Equal(413, chunkedStatus);
        Assert.Contains("The body exceeds 1048576 bytes.", chunkedAnswer, StringComparison.Ordinal);

        // A wrong secret, an unknown bot code and a bot that takes no webhooks answer alike: codes cannot be probed.
        var wrongSecretAnswer = await AnswerAsync(await PostFormAsync(http, wrongSecret, Body(bot.Id, bot.ApplicationToken)));
        Assert.Equal(wrongSecretAnswer, await AnswerAsync(await PostFormAsync(http, new Uri(host.BaseUrl, "bitrix/events/nobody/secret"), Body(bot.Id, bot.ApplicationToken))));
        Assert.Equal(wrongSecretAnswer, await AnswerAsync(await PostFormAsync(http, new Uri(host.BaseUrl, "bitrix/events/counter/" + new string('0', 48)), Body(bot.Id, bot.ApplicationToken))));
        Assert.Equal((403, "Unknown webhook address."), wrongSecretAnswer);

        Assert.Equal(repliesBefore, emulator.Portal.GetMessages(null).Count(m => m.PostedByBotId == bot.Id));
    }

    [Fact]
    public async Task InventedEventType_IsTakenButCountedAsOther()
    {
        await using var emulator = await BitrixEmulator.StartAsync(new EmulatorOptions(), CancellationToken.None);
        await using var host = await InProcessHost.StartAsync(new HostSettings(emulator, redis: null, "webhook"), typeof(EchoBot));
        var bot = emulator.Portal.FindBot("echo")!;
        using var http = new HttpClient { BaseAddress = host.BaseUrl };

        var invented = Body(bot.Id, bot.ApplicationToken).Replace("event=ONIMBOTV2MESSAGEADD", "event=ONIMBOTV2INVENTEDBYSENDER", StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await PostFormAsync(http, bot.WebhookUrl!, invented)).StatusCode);

        var metrics = await http.GetStringAsync(new Uri("metrics", UriKind.Relative));
        Assert.Contains("type=\"other\"} 1\n", metrics, StringComparison.Ordinal);
        Assert.DoesNotContain("INVENTEDBYSENDER", metrics, StringComparison.Ordinal);
    }

    [Fact]
    public async Task StoreDown_503NamesAShortReasonAndNoExceptionText()
    {
        await using var redis = await RedisServer.StartAsync();
        await using var emulator = await BitrixEmulator.StartAsync(new EmulatorOptions(), CancellationToken.None);
        await using var host = await InProcessHost.StartAsync(new HostSettings(emulator, redis.ConfigurationString, "webhook"), typeof(EchoBot));
        var bot = emulator.Portal.FindBot("echo")!;
        using var http = new HttpClient();
        await emulator.Portal.SendUserMessageAsync(1, bot.Id.ToString(CultureInfo.InvariantCulture), "genuine");
        await emulator.Portal.WaitForBotMessageAsync(m => m.Text == "You said: genuine", Waits.Reply, CancellationToken.None);
        var port = redis.Port.ToString(CultureInfo.InvariantCulture);

        await redis.DisposeAsync();
        var answer = await PostFormAsync(http, bot.WebhookUrl!, WebhookForms.MessageAdded(bot.Id, bot.ApplicationToken, messageId: "1000001"));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, answer.StatusCode);
        var (_, detail) = await AnswerAsync(answer);
        Assert.StartsWith("The event could not be stored, so it is not accepted: the store ", detail, StringComparison.Ordinal);
        Assert.DoesNotContain(port, detail, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", detail, StringComparison.Ordinal);
    }

    private static async Task<(int Status, string? Detail)> AnswerAsync(HttpResponseMessage response)
    {
        using var json = System.Text.Json.JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return ((int)response.StatusCode, json.RootElement.GetProperty("detail").GetString());
    }

    private static Task<HttpResponseMessage> PostFormAsync(HttpClient http, Uri url, string body) => WebhookForms.PostAsync(http, url, body);

    private static string Body(int botId, string applicationToken) => WebhookForms.MessageAdded(botId, applicationToken);
}
