using System.Globalization;
using System.Net;
using System.Text;
using ChatBotHost.Bots.Echo;
using ChatBotHost.Emulator;
using ChatBotHost.IntegrationTests.Harness;

namespace ChatBotHost.IntegrationTests;

/// <summary>Bad webhook requests get a 4xx with a reason and never reach a handler.</summary>
public sealed class WebhookAuthenticationTests
{
    [Fact]
    public async Task BadRequests_AreRejectedWithoutRunningAHandler()
    {
        await using var emulator = await BitrixEmulator.StartAsync(new EmulatorOptions(), CancellationToken.None);
        await using var host = await InProcessHost.StartAsync(new HostSettings(emulator, redis: null, "webhook"), typeof(EchoBot));
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

        var huge = await PostFormAsync(http, webhookUrl, Body(bot.Id, bot.ApplicationToken) + "&pad=" + new string('x', 2 * 1024 * 1024));
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, huge.StatusCode);

        var unknownBot = await PostFormAsync(http, new Uri(host.BaseUrl, "bitrix/events/nobody/secret"), Body(bot.Id, bot.ApplicationToken));
        Assert.Equal(HttpStatusCode.NotFound, unknownBot.StatusCode);

        Assert.Equal(repliesBefore, emulator.Portal.GetMessages(null).Count(m => m.PostedByBotId == bot.Id));
    }

    private static async Task<HttpResponseMessage> PostFormAsync(HttpClient http, Uri url, string body) =>
        await http.PostAsync(url, new StringContent(body, Encoding.UTF8, "application/x-www-form-urlencoded"));

    // As http_build_query writes it: bracketed keys percent-encoded, every scalar a string.
    private static string Body(int botId, string applicationToken) =>
        "event=ONIMBOTV2MESSAGEADD"
        + $"&data%5Bbot%5D%5Bid%5D={botId.ToString(CultureInfo.InvariantCulture)}&data%5Bbot%5D%5Bcode%5D=echo"
        + "&data%5Bmessage%5D%5Bid%5D=999&data%5Bmessage%5D%5BchatId%5D=7&data%5Bmessage%5D%5BauthorId%5D=1"
        + "&data%5Bmessage%5D%5Btext%5D=forged+text&data%5Bmessage%5D%5BisSystem%5D=0"
        + "&data%5Bchat%5D%5Bid%5D=7&data%5Bchat%5D%5BdialogId%5D=1&data%5Buser%5D%5Bid%5D=1&data%5Blanguage%5D=en"
        + "&ts=1736929860&auth%5Bdomain%5D=portal.example&auth%5Bapplication_token%5D=" + Uri.EscapeDataString(applicationToken);
}
