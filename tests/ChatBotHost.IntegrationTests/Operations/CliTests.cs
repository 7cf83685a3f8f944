using System.Text.Json;
using ChatBotHost.Emulator;
using ChatBotHost.Hosting;
using ChatBotHost.IntegrationTests.Harness;
using ChatBotHost.Operations.Cli;
using ChatBotHost.State;
using ChatBotHost.Tests.Support;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace ChatBotHost.IntegrationTests.Operations;

/// <summary>The management commands against a real (emulated) portal and the state stores, in memory and in Redis.</summary>
public sealed class CliTests
{
    [Fact]
    public async Task BotsCommands_RegisterListUnregister_ChangeThePortal()
    {
        await using var emulator = await BitrixEmulator.StartAsync(new EmulatorOptions(), CancellationToken.None);
        var settings = new HostSettings(emulator, redis: null, "fetch").AsArguments().ToArray();

        var (registered, registerText) = await RunAsync(["bots", "register", "echo", .. settings]);
        var id = emulator.Portal.FindBot("echo")?.Id;
        var (_, listText) = await RunAsync(["bots", "list", .. settings]);
        var (unregistered, unregisterText) = await RunAsync(["bots", "unregister", "echo", .. settings]);

        Assert.Equal(0, registered);
        Assert.NotNull(id);
        Assert.Contains($"id {id}", registerText, StringComparison.Ordinal);
        Assert.Contains($"registered, id {id}, fetch mode", listText, StringComparison.Ordinal);
        Assert.Contains("counter", listText, StringComparison.Ordinal);
        Assert.Equal(0, unregistered);
        Assert.Contains("unregistered", unregisterText, StringComparison.Ordinal);
        Assert.Null(emulator.Portal.FindBot("echo"));
    }

    [Fact]
    public async Task BotsCommands_DisabledBotWithoutToken_AreNotSentToThePortalWithoutOne()
    {
        await using var emulator = await BitrixEmulator.StartAsync(new EmulatorOptions(), CancellationToken.None);
        var settings = new HostSettings(emulator, redis: null, "fetch").AsArguments()
            .Where(a => !a.StartsWith("--ChatBotHost:Bots:reminder:BotToken=", StringComparison.Ordinal))
            .Append("--ChatBotHost:Bots:reminder:Enabled=false")
            .ToArray();

        var (listed, listText) = await RunAsync(["bots", "list", .. settings]);
        var (unregistered, unregisterText) = await RunAsync(["bots", "unregister", "reminder", .. settings]);

        Assert.Equal(0, listed);
        Assert.Contains("not asked: no ChatBotHost:Bots:reminder:BotToken", listText, StringComparison.Ordinal);
        Assert.Equal(1, unregistered);
        Assert.Contains("set ChatBotHost:Bots:reminder:BotToken", unregisterText, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Replay_DeadLetteredEvent_GoesBackIntoTheInboxAndInboxStatusShowsIt(bool useRedis)
    {
        await using var redis = useRedis ? await RedisServer.StartAsync() : null;
        await using var emulator = await BitrixEmulator.StartAsync(new EmulatorOptions(), CancellationToken.None);
        var settings = new HostSettings(emulator, redis?.ConfigurationString, "fetch");
        await using var app = await ChatBotHostApp.BuildAsync([], b => b.Configuration.AddInMemoryCollection(settings.Values));
        var portal = app.Services.GetRequiredService<BotDirectory>().FindByCode("echo")!.Portal.Key;
        var item = new InboxItem
        {
            Portal = portal, BotCode = "echo", DialogId = "1", DeduplicationKey = "e:1002", Source = InboxItem.Sources.Fetch,
            Payload = "{\"eventId\":1002}", ReceivedAt = DateTimeOffset.UnixEpoch, Attempts = 5,
        };
        var deadLetters = app.Services.GetRequiredService<IDeadLetterStore>();
        await deadLetters.AddAsync(Letter(portal, DeadLetter.Kinds.Event, JsonSerializer.Serialize(item, JsonSerializerOptions.Web)), CancellationToken.None);
        await deadLetters.AddAsync(Letter(portal, DeadLetter.Kinds.Call, "{}"), CancellationToken.None);
        await app.Services.GetRequiredService<IOffsetStore>().AdvanceAsync(portal, "echo", 1003, CancellationToken.None);

        var (replayed, replayText) = await RunAsync(app.Services, "deadletters", "replay");
        var (_, statusText) = await RunAsync(app.Services, "inbox", "status");

        Assert.Equal(0, replayed);
        Assert.Contains("1 event(s) replayed into the inbox; 1 dead-lettered call(s) left", replayText, StringComparison.Ordinal);
        Assert.Equal(1, await app.Services.GetRequiredService<IInboxStore>().DepthAsync(portal, CancellationToken.None));
        var left = await deadLetters.ListAsync(portal, 10, CancellationToken.None);
        Assert.Equal(DeadLetter.Kinds.Call, Assert.Single(left).Kind);
        Assert.Matches(@"echo\s+\S+\s+fetch\s+1003", statusText);
        Assert.Matches($@"{System.Text.RegularExpressions.Regex.Escape(portal)}\s+1\s+1", statusText);
    }

    private static DeadLetter Letter(string portal, string kind, string payload) => new()
    {
        Portal = portal, BotCode = "echo", Kind = kind, DialogId = "1", Reason = "boom", At = DateTimeOffset.UnixEpoch, Payload = payload,
    };

    private static async Task<(int Exit, string Output)> RunAsync(string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exit = await HostCli.RunAsync(args, output, error);
        return (exit, output + error.ToString());
    }

    private static async Task<(int Exit, string Output)> RunAsync(IServiceProvider services, params string[] args)
    {
        using var output = new StringWriter();
        var command = CliParser.Parse(args, out var error) ?? throw new InvalidOperationException(error);
        return (await HostCli.RunAsync(command, services, output, CancellationToken.None), output.ToString());
    }
}
