using System.Globalization;
using System.Net;
using System.Text.Json;
using ChatBotHost.Bots.Echo;
using ChatBotHost.Emulator;
using ChatBotHost.Hosting;
using ChatBotHost.IntegrationTests.Harness;
using Microsoft.Extensions.DependencyInjection;
using Serilog.Core;
using Serilog.Events;

namespace ChatBotHost.IntegrationTests.Operations;

/// <summary>
/// The request log of a webhook-mode host: one line per request with its route template and never the webhook secret,
/// and every event written while a request ran carrying that request's trace id, also in the container's JSON.
/// </summary>
public sealed class RequestLogTests
{
    private const string Source = "Serilog.AspNetCore.RequestLoggingMiddleware";

    [Fact]
    public async Task WebhookRequests_AreLoggedOnceEach_WithTheRouteTemplate_AndNeverTheSecret()
    {
        var (log, secret) = await RunAsync(async (emulator, http) =>
        {
            var echo = emulator.Portal.FindBot("echo")!;
            // The right address with a method it does not take: no endpoint takes it, so its path is logged, masked.
            using var wrongMethod = await http.GetAsync(echo.WebhookUrl);
            Assert.Equal(HttpStatusCode.MethodNotAllowed, wrongMethod.StatusCode);
        });

        var lines = RequestLines(log).ToArray();
        var posted = lines.Where(e => Text(e, "RequestMethod") == "POST" && Text(e, "StatusCode") == "200").ToArray();
        Assert.NotEmpty(posted);
        Assert.All(posted, e =>
        {
            Assert.Equal("/bitrix/events/{botCode}/{secret}", Text(e, "RequestPath"));
            Assert.Equal(LogEventLevel.Debug, e.Level);
            Assert.True(e.Properties.ContainsKey("Elapsed"));
        });

        var refused = Assert.Single(lines, e => Text(e, "RequestMethod") == "GET");
        Assert.Equal(LogEventLevel.Information, refused.Level);
        Assert.Equal("/bitrix/events/echo/***", Text(refused, "RequestPath"));

        var leaks = log.Events.SelectMany(CapturedLog.TextOf).Where(t => t.Contains(secret, StringComparison.Ordinal)).ToArray();
        Assert.True(leaks.Length == 0, "The webhook secret in the log:\n" + string.Join('\n', leaks));
    }

    [Fact]
    public async Task EventsOfARequest_CarryItsTraceId_AlsoInCompactJson()
    {
        var (log, _) = await RunAsync(async (emulator, http) =>
        {
            var echo = emulator.Portal.FindBot("echo")!;
            using var forged = await WebhookForms.PostAsync(http, echo.WebhookUrl!, WebhookForms.MessageAdded(echo.Id, "forged-application-token-1234"));
            Assert.Equal(HttpStatusCode.Forbidden, forged.StatusCode);
        });

        // The intake's warning about the forged delivery was written inside the request, the request's line at its end.
        var warning = Assert.Single(log.Events, e => e.MessageTemplate.Text.StartsWith("Rejected a webhook delivery", StringComparison.Ordinal));
        var line = Assert.Single(RequestLines(log), e => Text(e, "StatusCode") == "403");
        Assert.NotNull(warning.TraceId);
        Assert.Equal(warning.TraceId, line.TraceId);
        Assert.Equal(LogEventLevel.Information, line.Level);

        foreach (var logEvent in new[] { warning, line })
        {
            using var json = JsonDocument.Parse(Json(logEvent));
            Assert.Equal(warning.TraceId.Value.ToHexString(), json.RootElement.GetProperty("@tr").GetString());
            Assert.Equal(logEvent.SpanId!.Value.ToHexString(), json.RootElement.GetProperty("@sp").GetString());
            Assert.False(string.IsNullOrEmpty(json.RootElement.GetProperty("@m").GetString()));
        }
    }

    /// <summary>
    /// Runs a webhook-mode echo host through one real conversation and then <paramref name="act"/>, with Debug logged,
    /// and stops it before the log is read (a request's line is written after its response is sent).
    /// </summary>
    private static async Task<(CapturedLog Log, string Secret)> RunAsync(Func<BitrixEmulator, HttpClient, Task> act)
    {
        var log = new CapturedLog();
        await using var emulator = await BitrixEmulator.StartAsync(new EmulatorOptions(), CancellationToken.None);
        var settings = new HostSettings(emulator, redis: null, "webhook").Set("Serilog:MinimumLevel:Default", "Debug");
        settings.Services = services => services.AddSingleton<ILogEventSink>(log);

        string secret;
        await using (var host = await InProcessHost.StartAsync(settings, typeof(EchoBot)))
        {
            var chat = new Chat(emulator, "echo");
            await chat.SayAsync("hello request log");
            await chat.ExpectAsync("You said: hello request log");
            using var http = new HttpClient();
            await act(emulator, http);
            secret = host.Bot("echo").Registration!.WebhookSecret;
        }

        return (log, secret);
    }

    private static IEnumerable<LogEvent> RequestLines(CapturedLog log) =>
        log.Events.Where(e => Text(e, "SourceContext") == Source);

    private static string? Text(LogEvent logEvent, string property) =>
        logEvent.Properties.TryGetValue(property, out var value) && value is ScalarValue { Value: { } scalar }
            ? Convert.ToString(scalar, CultureInfo.InvariantCulture)
            : null;

    private static string Json(LogEvent logEvent)
    {
        using var writer = new StringWriter(CultureInfo.InvariantCulture);
        HostLogging.JsonFormatter().Format(logEvent, writer);
        return writer.ToString();
    }
}
