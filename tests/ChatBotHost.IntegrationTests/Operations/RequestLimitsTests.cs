using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using ChatBotHost.Bots.Echo;
using ChatBotHost.Emulator;
using ChatBotHost.IntegrationTests.Harness;

namespace ChatBotHost.IntegrationTests.Operations;

/// <summary>The web server's own limits (Hosting/RequestLimits): what a hostile client can make one request cost.</summary>
public sealed class RequestLimitsTests
{
    [Fact]
    public async Task TooManyHeaders_AreRefusedBeforeAnyEndpointRuns()
    {
        await using var emulator = await BitrixEmulator.StartAsync(new EmulatorOptions(), CancellationToken.None);
        await using var host = await InProcessHost.StartAsync(new HostSettings(emulator, redis: null, "webhook"), typeof(EchoBot));
        using var http = new HttpClient { BaseAddress = host.BaseUrl };
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri("health/live", UriKind.Relative));
        for (var i = 0; i < 80; i++)
        {
            request.Headers.Add($"X-Filler-{i.ToString(CultureInfo.InvariantCulture)}", "x");
        }

        using var response = await http.SendAsync(request);

        Assert.Equal(HttpStatusCode.RequestHeaderFieldsTooLarge, response.StatusCode);
    }

    [Fact]
    public async Task SlowBody_OnAWebhook_IsCutOffAfterTheGracePeriodWith408()
    {
        await using var emulator = await BitrixEmulator.StartAsync(new EmulatorOptions(), CancellationToken.None);
        await using var host = await InProcessHost.StartAsync(new HostSettings(emulator, redis: null, "webhook"), typeof(EchoBot));
        var webhook = emulator.Portal.FindBot("echo")!.WebhookUrl!;
        using var tcp = new TcpClient();
        await tcp.ConnectAsync(webhook.Host, webhook.Port);
        var stream = tcp.GetStream();
        var head = $"POST {webhook.PathAndQuery} HTTP/1.1\r\nHost: {webhook.Authority}\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: 100000\r\n\r\nevent=";
        await stream.WriteAsync(Encoding.ASCII.GetBytes(head));

        // Nothing more is sent: the server must end it (1 KiB/s after a 5 s grace), not wait for ever.
        using var reader = new StreamReader(stream, Encoding.ASCII);
        using var patience = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var statusLine = await reader.ReadLineAsync(patience.Token);

        Assert.StartsWith("HTTP/1.1 408", statusLine, StringComparison.Ordinal);
        var rest = await reader.ReadToEndAsync(patience.Token);
        Assert.Contains("The body arrived too slowly.", rest, StringComparison.Ordinal);
    }
}
