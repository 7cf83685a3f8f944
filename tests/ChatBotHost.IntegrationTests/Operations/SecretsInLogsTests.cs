using System.Globalization;
using System.Net;
using System.Text;
using ChatBotHost.Bots.Counter;
using ChatBotHost.Bots.Echo;
using ChatBotHost.Emulator;
using ChatBotHost.IntegrationTests.Harness;
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
        var settings = new HostSettings(emulator, redis: null, "webhook")
            .Set("ChatBotHost:Bots:counter:EventMode", "fetch")
            .Set("Serilog:MinimumLevel:Default", "Verbose")
            .Set("Serilog:MinimumLevel:Override:Microsoft", "Verbose")
            .Set("Serilog:MinimumLevel:Override:System", "Verbose")
            .Set("Serilog:MinimumLevel:Override:Quartz", "Verbose");
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
        var body = "event=ONIMBOTV2MESSAGEADD"
            + $"&data%5Bbot%5D%5Bid%5D={botId.ToString(CultureInfo.InvariantCulture)}&data%5Bbot%5D%5Bcode%5D=echo"
            + "&data%5Bmessage%5D%5Bid%5D=999&data%5Bmessage%5D%5BchatId%5D=7&data%5Bmessage%5D%5BauthorId%5D=1"
            + "&data%5Bmessage%5D%5Btext%5D=forged&data%5Bmessage%5D%5BisSystem%5D=0"
            + "&data%5Bchat%5D%5Bid%5D=7&data%5Bchat%5D%5BdialogId%5D=1&data%5Buser%5D%5Bid%5D=1&data%5Blanguage%5D=en"
            + "&ts=1736929860&auth%5Bdomain%5D=portal.example&auth%5Bapplication_token%5D=" + Uri.EscapeDataString(applicationToken);
        using var response = await http.PostAsync(url, new StringContent(body, Encoding.UTF8, "application/x-www-form-urlencoded"));
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }
}
