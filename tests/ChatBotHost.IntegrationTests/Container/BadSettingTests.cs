using ChatBotHost.Emulator;

namespace ChatBotHost.IntegrationTests.Container;

/// <summary>
/// A bad value stops the host as README promises: exit code 2, the key and what it accepts named, no stack trace —
/// in compose's configuration and in local mode alike (where a bad EventMode used to pass without a word).
/// </summary>
public sealed class BadSettingTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    [Theory]
    [InlineData("ChatBotHost__Bots__echo__EventMode", "carrier-pigeon", "ChatBotHost:Bots:echo:EventMode must be one of: fetch, webhook")]
    [InlineData("ChatBotHost__Fetch__IdleDelay", "10s", "ChatBotHost:Fetch:IdleDelay must be a duration")]
    [InlineData("ChatBotHost__Inbox__Workers", "lots", "ChatBotHost:Inbox:Workers must be a whole number")]
    [InlineData("ChatBotHost__RateLimit__DrainPerSecond", "2,5", "ChatBotHost:RateLimit:DrainPerSecond must be a number")]
    [InlineData("ChatBotHost__Bots__counter__Enabled", "no", "ChatBotHost:Bots:counter:Enabled must be true or false")]
    [InlineData("ChatBotHost__PublicUrl", "bots.example.com", "ChatBotHost:PublicUrl must be an absolute http(s) URL")]
    [InlineData("ChatBotHost__Bots__helpdesk__ReminderAfter", "10m", "ChatBotHost:Bots:helpdesk:ReminderAfter must be a duration")]
    [InlineData("Serilog__MinimumLevel__Default", "Loud", "Serilog:MinimumLevel:Default must be one of: Verbose, Debug, Information, Warning, Error, Fatal")]
    public async Task ComposeEnvironment_OneBadValue_Exits2NamingTheKeyWithoutStackTrace(string variable, string value, string expected)
    {
        await using var emulator = await BitrixEmulator.StartAsync(new EmulatorOptions(), CancellationToken.None);
        var container = ComposeContainer.Create(emulator, "127.0.0.1:1");
        container.Variables[variable] = value;

        var (exitCode, output) = await ContainerProcess.RunAsync(DockerfileText.Load().EntryPoint(), container.Variables, Patience);

        AssertRefused(exitCode, output, expected);
        Assert.DoesNotContain("BotToken", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task LocalMode_BadEventMode_Exits2NamingTheKeyWithoutStackTrace()
    {
        var local = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            // `dotnet run` with nothing configured: Development, so the built-in emulator would be the portal.
            ["ASPNETCORE_ENVIRONMENT"] = "Development",
            ["ASPNETCORE_URLS"] = "http://127.0.0.1:0",
            ["ChatBotHost__Bots__echo__EventMode"] = "carrier-pigeon",
        };

        var (exitCode, output) = await ContainerProcess.RunAsync(DockerfileText.Load().EntryPoint(), local, Patience);

        AssertRefused(exitCode, output, "ChatBotHost:Bots:echo:EventMode must be one of: fetch, webhook");
    }

    [Fact]
    public async Task PortInUse_Exits2NamingTheAddressWithoutStackTrace()
    {
        using var occupant = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        occupant.Start();
        var address = $"http://127.0.0.1:{((System.Net.IPEndPoint)occupant.LocalEndpoint).Port}";
        var local = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Development",
            ["ASPNETCORE_URLS"] = address,
        };

        var (exitCode, output) = await ContainerProcess.RunAsync(DockerfileText.Load().EntryPoint(), local, Patience);

        Assert.True(exitCode == 2, $"Exit code {exitCode}; output:{Environment.NewLine}{output}");
        Assert.Contains("ChatBotHost cannot start:", output, StringComparison.Ordinal);
        Assert.Contains($"{address}: address already in use", output, StringComparison.Ordinal);
        Assert.Contains("choose another with --urls or ASPNETCORE_URLS", output, StringComparison.Ordinal);
        Assert.DoesNotContain("Unhandled exception", output, StringComparison.Ordinal);
        Assert.DoesNotContain(output.Split('\n'), line => line.TrimStart().StartsWith("at ", StringComparison.Ordinal));
    }

    private static void AssertRefused(int exitCode, string output, string expected)
    {
        Assert.True(exitCode == 2, $"Exit code {exitCode}; output:{Environment.NewLine}{output}");
        Assert.Contains("ChatBotHost cannot start; fix these settings:", output, StringComparison.Ordinal);
        Assert.Contains(expected, output, StringComparison.Ordinal);
        Assert.DoesNotContain("Unhandled exception", output, StringComparison.Ordinal);
        Assert.DoesNotContain(output.Split('\n'), line => line.TrimStart().StartsWith("at ", StringComparison.Ordinal));
    }
}
