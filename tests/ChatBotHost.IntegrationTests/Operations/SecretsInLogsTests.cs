using System.Net;
using ChatBotHost.Bots.Counter;
using ChatBotHost.Bots.Echo;
using ChatBotHost.Bitrix.Requests.Revision;
using ChatBotHost.Emulator;
using ChatBotHost.Emulator.OAuth;
using ChatBotHost.IntegrationTests.Harness;
using ChatBotHost.State;
using Microsoft.Extensions.DependencyInjection;
using Serilog.Core;
using Serilog.Events;

namespace ChatBotHost.IntegrationTests.Operations;

/// <summary>
/// Real traffic through the host (a webhook-mode and a fetch-mode bot, good and bad deliveries) with every category
/// logging at Verbose: no secret the host holds appears in any log event its sinks receive.
/// </summary>
public sealed class SecretsInLogsTests
{
    [Fact]
    public async Task VerboseLogOfRealTraffic_ContainsNoSecret()
    {
        var log = new CapturedLog();
        await using var emulator = await BitrixEmulator.StartAsync(new EmulatorOptions(), CancellationToken.None);
        var settings = Verbose(new HostSettings(emulator, redis: null, "webhook").Set("ChatBotHost:Bots:counter:EventMode", "fetch"));
        settings.Services = services => services.AddSingleton<ILogEventSink>(log);

        string[] secrets;
        await using (var host = await InProcessHost.StartAsync(settings, typeof(EchoBot), typeof(CounterBot)))
        {
            var echo = emulator.Portal.FindBot("echo")!;
            await new Chat(emulator, "echo").SayAsync("hello webhook");
            await emulator.Portal.WaitForBotMessageAsync(m => m.Text == "You said: hello webhook", Waits.Reply, CancellationToken.None);
            var counter = new Chat(emulator, "counter");
            await counter.SayAsync("hello fetch");
            await counter.ExpectAsync(_ => true);

            // Rejected deliveries are logged with their reason; the secrets they carry must not be.
            using var http = new HttpClient();
            await PostAsync(http, new Uri(echo.WebhookUrl!, "./" + new string('7', 48)), echo.Id, echo.ApplicationToken);
            await PostAsync(http, echo.WebhookUrl!, echo.Id, "forged-application-token-1234");

            secrets =
            [
                HostSettings.EchoToken,
                HostSettings.CounterToken,
                emulator.WebhookUrl.Segments[^1].TrimEnd('/'),
                host.Bot("echo").Registration!.WebhookSecret,
                host.Bot("counter").Registration!.WebhookSecret,
                echo.ApplicationToken,
                "forged-application-token-1234",
            ];
        }

        AssertNoLeaks(log, secrets);
    }

    [Fact]
    public async Task VerboseLogOfAnApplicationPortal_ContainsNoTokenOrClientSecret()
    {
        var log = new CapturedLog();
        var server = new OAuthServer();
        await using var emulator = await BitrixEmulator.StartAsync(new EmulatorOptions { OAuthServer = server }, CancellationToken.None);
        var settings = Verbose(OAuthHosts.Settings(emulator, server, redis: null, "webhook"));
        settings.Services = services => services.AddSingleton<ILogEventSink>(log);

        var secrets = new List<string> { server.ClientSecret };
        await using (var host = await InProcessHost.StartAsync(settings, typeof(EchoBot)))
        {
            Assert.Equal(200, await emulator.Portal.OAuth.InstallAppAsync(new Uri(host.BaseUrl, "bitrix/install")));
            var bot = await OAuthHosts.WaitForBotAsync(host, emulator, "echo");
            var chat = new Chat(emulator, "echo");
            await chat.SayAsync("before expiry");
            await chat.ExpectAsync("You said: before expiry");
            var tokens = host.Services.GetRequiredService<ITokenStore>();
            var first = (await tokens.GetAsync(emulator.Portal.OAuth.MemberId, CancellationToken.None))!;

            emulator.Portal.OAuth.ExpireAccessTokens();
            await bot.Client.CallAsync(new RevisionGetRequest(), CancellationToken.None);
            await chat.SayAsync("after expiry");
            await chat.ExpectAsync("You said: after expiry");
            var second = (await tokens.GetAsync(emulator.Portal.OAuth.MemberId, CancellationToken.None))!;
            var portal = (await host.Services.GetRequiredService<IPortalStore>().GetAsync(emulator.Portal.OAuth.MemberId, CancellationToken.None))!;
            secrets.AddRange([first.AccessToken, first.RefreshToken, second.AccessToken, second.RefreshToken, portal.ApplicationToken, bot.Registration!.WebhookSecret]);
            Assert.NotEqual(first.AccessToken, second.AccessToken);
        }

        AssertNoLeaks(log, secrets);
    }

    private static HostSettings Verbose(HostSettings settings) => settings
        .Set("Serilog:MinimumLevel:Default", "Verbose")
        .Set("Serilog:MinimumLevel:Override:Microsoft", "Verbose")
        .Set("Serilog:MinimumLevel:Override:System", "Verbose")
        .Set("Serilog:MinimumLevel:Override:Quartz", "Verbose");

    private static void AssertNoLeaks(CapturedLog log, IReadOnlyCollection<string> secrets)
    {
        Assert.Contains(log.Events, e => e.Level <= LogEventLevel.Debug);
        Assert.True(log.Events.Count > 20, $"Only {log.Events.Count} events were logged; the test proves little.");
        var leaks = log.Events
            .SelectMany(e => CapturedLog.TextOf(e).Select(text => (e.MessageTemplate.Text, text)))
            .Where(t => secrets.Any(s => t.text.Contains(s, StringComparison.Ordinal)))
            .Select(t => $"{t.Text} => {t.text}")
            .ToArray();
        Assert.True(leaks.Length == 0, "Secrets in the log:\n" + string.Join('\n', leaks));
    }

    private static async Task PostAsync(HttpClient http, Uri url, int botId, string applicationToken)
    {
        using var response = await WebhookForms.PostAsync(http, url, WebhookForms.MessageAdded(botId, applicationToken, text: "forged"));
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }
}
