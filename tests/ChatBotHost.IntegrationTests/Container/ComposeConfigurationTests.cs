using System.Globalization;
using System.Net;
using System.Text.Json;
using ChatBotHost.Emulator;
using ChatBotHost.IntegrationTests.Harness;
using ChatBotHost.Tests.Support;

namespace ChatBotHost.IntegrationTests.Container;

/// <summary>
/// The one documented way to run the product: the image's environment plus docker/compose.yaml's, filled as README
/// tells a user to (the portal's webhook URL and an invented echo token), against the emulator as the portal and a real
/// Redis in the place of compose's. The host must come up ready and the echo bot answer; the image's HEALTHCHECK
/// must pass against it.
/// </summary>
[Collection(RedisCollection.Name)]
public sealed class ComposeConfigurationTests(RedisFixture redis)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    private string RedisEndpoint => $"127.0.0.1:{redis.Server.Port.ToString(CultureInfo.InvariantCulture)}";

    [Fact]
    public async Task ComposeEnvironment_PublishedHost_IsReadyAndEchoReplies()
    {
        await redis.Server.FlushAsync();
        await using var emulator = await BitrixEmulator.StartAsync(new EmulatorOptions(), CancellationToken.None);
        var container = ComposeContainer.Create(emulator, RedisEndpoint);

        await using var host = ContainerProcess.Start(DockerfileText.Load().EntryPoint(), container.Variables);
        Assert.Equal(HttpStatusCode.OK, await WaitForReadyAsync(host, container));

        await emulator.Portal.WaitForCallAsync(c => c.Method == "imbot.v2.Event.get", Waits.Reply, CancellationToken.None);
        var chat = new Chat(emulator, "echo");
        await chat.SayAsync("hello from compose");
        await chat.ExpectAsync("You said: hello from compose");

        // compose switches the other samples off without tokens: they are declared but neither registered nor polled.
        Assert.All(["counter", "digest", "helpdesk", "reminder"], code => Assert.Null(emulator.Portal.FindBot(code)));
        var output = host.Output;
        Assert.All(output, line => Assert.True(IsJsonObject(line), $"Not a JSON log line (compose sets LogFormat=json): {line}"));
        Assert.DoesNotContain(output, line => line.Contains(container.EchoToken, StringComparison.Ordinal));
    }

    [Fact]
    public async Task ComposeEnvironment_WebhookModeAsReadmeSays_EchoRepliesToPostedEvents()
    {
        await redis.Server.FlushAsync();
        await using var emulator = await BitrixEmulator.StartAsync(new EmulatorOptions(), CancellationToken.None);
        var container = ComposeContainer.Create(emulator, RedisEndpoint, host => new Dictionary<string, string>
        {
            ["ECHO_EVENT_MODE"] = "webhook",
            ["PUBLIC_URL"] = host.AbsoluteUri,
        });

        await using var host = ContainerProcess.Start(DockerfileText.Load().EntryPoint(), container.Variables);
        await WaitForReadyAsync(host, container);
        // The host takes posted events once it knows its registration, which it does before it registers the commands.
        await emulator.Portal.WaitForCallAsync(c => c.Method == "imbot.v2.Command.register", Waits.Reply, CancellationToken.None);

        Assert.Equal("webhook", emulator.Portal.FindBot("echo")!.EventMode, StringComparer.OrdinalIgnoreCase);
        var chat = new Chat(emulator, "echo");
        await chat.SayAsync("posted to the container");
        await chat.ExpectAsync("You said: posted to the container");
    }

    [Fact]
    public async Task ImageHealthCheck_AgainstTheComposeHost_Exits0AndFailsOnceItStops()
    {
        await redis.Server.FlushAsync();
        await using var emulator = await BitrixEmulator.StartAsync(new EmulatorOptions(), CancellationToken.None);
        var container = ComposeContainer.Create(emulator, RedisEndpoint);
        var dockerfile = DockerfileText.Load();

        await using var host = ContainerProcess.Start(dockerfile.EntryPoint(), container.Variables);
        await WaitForReadyAsync(host, container);

        // Run as `docker exec` would: same image, same environment, so the probe finds the port the way it does there.
        var (healthy, healthyOutput) = await ContainerProcess.RunAsync(dockerfile.HealthCheckCommand(), container.Variables, Patience);
        Assert.True(healthy == 0, $"HEALTHCHECK exited {healthy}: {healthyOutput}");

        await host.KillAsync();
        var (stopped, _) = await ContainerProcess.RunAsync(dockerfile.HealthCheckCommand(), container.Variables, Patience);
        Assert.NotEqual(0, stopped);
    }

    [Fact]
    public void ComposeEnvironment_WithoutTheUsersVariables_IsRefusedByComposeItself()
    {
        var environment = ComposeFile.Environment(RepositoryFiles.Read(ComposeFile.Path), "host");

        var refused = Assert.Throws<InvalidOperationException>(() =>
            environment.Values.Select(v => ComposeFile.Substitute(v, new Dictionary<string, string>())).ToList());

        Assert.Contains("BITRIX_WEBHOOK_URL", refused.Message, StringComparison.Ordinal);
    }

    private static async Task<HttpStatusCode> WaitForReadyAsync(ContainerProcess host, ComposeContainer container)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        var ready = container.Url("/health/ready");
        var deadline = DateTimeOffset.UtcNow + Patience;
        while (DateTimeOffset.UtcNow < deadline)
        {
            Assert.False(host.HasExited, $"The host exited before it was ready. Its output:{Environment.NewLine}{host.Tail()}");
            try
            {
                using var response = await http.GetAsync(ready);
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return response.StatusCode;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            catch (TaskCanceledException)
            {
                // Listening but not answering within the client's timeout (start-up still under way): ask again.
            }

            await Task.Delay(100);
        }

        Assert.Fail($"/health/ready did not answer 200 within {Patience.TotalSeconds} s. The host's output:{Environment.NewLine}{host.Tail()}");
        return default;
    }

    private static bool IsJsonObject(string line)
    {
        try
        {
            using var document = JsonDocument.Parse(line);
            return document.RootElement.ValueKind == JsonValueKind.Object;
        }
        catch (JsonException)
        {
            return false;
        }
    }
}
