using System.Net;
using System.Text.Json;
using ChatBotHost.Bots.Echo;
using ChatBotHost.Emulator;
using ChatBotHost.IntegrationTests.Harness;
using ChatBotHost.Tests.Support;

namespace ChatBotHost.IntegrationTests.Operations;

/// <summary>/health/live, /health/ready and /metrics answer on a running host and report what it did.</summary>
public sealed class OperationsEndpointsTests
{
    [Theory]
    [InlineData("fetch")]
    [InlineData("webhook")]
    public async Task Metrics_AfterATurn_ShowTheEventTheTurnAndTheQueues(string eventMode)
    {
        await using var emulator = await BitrixEmulator.StartAsync(new EmulatorOptions(), CancellationToken.None);
        await using var host = await InProcessHost.StartAsync(new HostSettings(emulator, redis: null, eventMode), typeof(EchoBot));
        var chat = new Chat(emulator, "echo");
        await chat.SayAsync("measure me");
        await chat.ExpectAsync("You said: measure me");
        using var http = new HttpClient { BaseAddress = host.BaseUrl };

        // The reply reaches the portal before the turn ends (its state is committed after): scrape until the turn is counted.
        const string turn = "chatbothost_turn_duration_seconds_count{bot=\"echo\",outcome=\"Handled\",type=\"ONIMBOTV2MESSAGEADD\"} 1\n";
        var text = await ScrapeUntilAsync(http, t => t.Contains(turn, StringComparison.Ordinal));

        var portal = host.Bot("echo").Portal.Key;
        Assert.Contains($"chatbothost_events_received_total{{bot=\"echo\",mode=\"{eventMode}\",portal=\"{portal}\",type=\"ONIMBOTV2MESSAGEADD\"}} 1\n", text, StringComparison.Ordinal);
        Assert.Contains(turn, text, StringComparison.Ordinal);
        Assert.Contains($"chatbothost_outbox_depth{{portal=\"{portal}\"}} ", text, StringComparison.Ordinal);
        Assert.Contains($"chatbothost_inbox_depth{{portal=\"{portal}\"}} ", text, StringComparison.Ordinal);
        if (eventMode == "fetch")
        {
            Assert.Contains("chatbothost_fetch_lag_seconds{bot=\"echo\"", text, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Health_InMemoryHost_IsLiveAndReadyWithEachCheckListed()
    {
        await using var emulator = await BitrixEmulator.StartAsync(new EmulatorOptions(), CancellationToken.None);
        await using var host = await InProcessHost.StartAsync(new HostSettings(emulator, redis: null, "webhook"), typeof(EchoBot));
        using var http = new HttpClient { BaseAddress = host.BaseUrl };

        var (liveStatus, live) = await GetJsonAsync(http, "health/live");
        var (readyStatus, ready) = await GetJsonAsync(http, "health/ready");

        Assert.Equal(HttpStatusCode.OK, liveStatus);
        Assert.Equal("Healthy", live.GetProperty("status").GetString());
        Assert.Equal(HttpStatusCode.OK, readyStatus);
        Assert.Equal("Healthy", ready.GetProperty("status").GetString());
        var checks = ready.GetProperty("checks").EnumerateArray().ToDictionary(c => c.GetProperty("name").GetString()!, c => c);
        Assert.Contains("in memory", checks["redis"].GetProperty("description").GetString(), StringComparison.Ordinal);
        Assert.Equal("Healthy", checks["portal"].GetProperty("status").GetString());
        // Counts per state: the anonymous endpoint names no portal.
        Assert.Equal(1, checks["tokens"].GetProperty("data").GetProperty("webhook").GetInt32());
        Assert.DoesNotContain(host.Bot("echo").Portal.Key, ready.GetRawText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Health_RedisGone_ReadyIsUnhealthyAndLiveStaysUp()
    {
        await using var redis = await RedisServer.StartAsync();
        await using var emulator = await BitrixEmulator.StartAsync(new EmulatorOptions(), CancellationToken.None);
        await using var host = await InProcessHost.StartAsync(new HostSettings(emulator, redis.ConfigurationString, "webhook"), typeof(EchoBot));
        using var http = new HttpClient { BaseAddress = host.BaseUrl };
        Assert.Equal(HttpStatusCode.OK, (await GetJsonAsync(http, "health/ready")).Status);

        var (_, readyBefore) = await GetJsonAsync(http, "health/ready");
        await redis.DisposeAsync();
        var (readyStatus, ready) = await GetJsonAsync(http, "health/ready");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, readyStatus);
        Assert.Equal("Unhealthy", ready.GetProperty("status").GetString());
        // Neither answer tells where Redis or the portal is.
        foreach (var body in new[] { readyBefore.GetRawText(), ready.GetRawText() })
        {
            Assert.DoesNotContain(redis.Port.ToString(System.Globalization.CultureInfo.InvariantCulture), body, StringComparison.Ordinal);
            Assert.DoesNotContain("127.0.0.1", body, StringComparison.Ordinal);
            Assert.DoesNotContain(host.Bot("echo").Portal.Key, body, StringComparison.Ordinal);
        }

        Assert.Equal(HttpStatusCode.OK, (await GetJsonAsync(http, "health/live")).Status);
    }

    private static async Task<string> ScrapeUntilAsync(HttpClient http, Func<string, bool> done)
    {
        using var deadline = new CancellationTokenSource(Waits.Reply);
        while (true)
        {
            using var response = await http.GetAsync(new Uri("metrics", UriKind.Relative), deadline.Token);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.StartsWith("text/plain", response.Content.Headers.ContentType?.ToString(), StringComparison.Ordinal);
            var text = await response.Content.ReadAsStringAsync(deadline.Token);
            if (done(text) || deadline.IsCancellationRequested)
            {
                return text;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(20), deadline.Token);
        }
    }

    private static async Task<(HttpStatusCode Status, JsonElement Body)> GetJsonAsync(HttpClient http, string path)
    {
        using var response = await http.GetAsync(new Uri(path, UriKind.Relative));
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return (response.StatusCode, json.RootElement.Clone());
    }
}
