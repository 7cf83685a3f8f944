using System.Globalization;
using ChatBotHost.Emulator;
using ChatBotHost.IntegrationTests.Harness;
using ChatBotHost.Configuration;
using ChatBotHost.State.Redis;
using ChatBotHost.Tests.Support;

namespace ChatBotHost.IntegrationTests;

/// <summary>Fetch mode with two replicas: one polls a bot at a time, and the other takes over when it dies.</summary>
[Collection(RedisCollection.Name)]
public sealed class PollerLeaseTests(RedisFixture redis)
{
    private const string Polling = "This replica polls bot echo";

    [Fact]
    public async Task FetchMode_TwoReplicas_OnlyTheLeaseHolderPollsAndTheOtherTakesOverWhenItIsKilled()
    {
        await redis.Server.FlushAsync();
        await using var emulator = await BitrixEmulator.StartAsync(new EmulatorOptions(), CancellationToken.None);
        var chat = new Chat(emulator, "echo");

        await using var first = HostProcess.Start(Replica(emulator));
        await first.WaitForOutputAsync(Polling, Waits.Reply);
        await using var second = HostProcess.Start(Replica(emulator));
        await WaitForRegistrationsAsync(emulator, 2);
        await chat.SayAsync("m1");
        await chat.ExpectAsync("You said: m1");

        Assert.False(second.Printed(Polling), second.Tail());
        Assert.Contains($"/{first.Id.ToString(CultureInfo.InvariantCulture)}/", await PollerLeaseOwnerAsync(emulator), StringComparison.Ordinal);

        await first.KillAsync();
        await second.WaitForOutputAsync(Polling, Waits.Reply);
        await chat.SayAsync("m2");
        await chat.ExpectAsync("You said: m2");

        Assert.Contains($"/{second.Id.ToString(CultureInfo.InvariantCulture)}/", await PollerLeaseOwnerAsync(emulator), StringComparison.Ordinal);
        Assert.Equal(1, chat.Count("You said: m1"));
        Assert.Equal(1, chat.Count("You said: m2"));
    }

    private HostSettings Replica(BitrixEmulator emulator) =>
        DurableIntakeTests.OnlyEcho(new HostSettings(emulator, redis.Server.ConfigurationString, "fetch"))
            .Set("Serilog:MinimumLevel:Override:ChatBotHost.Intake.Fetch.FetchPollerElection", "Information");

    private async Task<string> PollerLeaseOwnerAsync(BitrixEmulator emulator)
    {
        await using var connection = new RedisConnection(redis.Server.ConfigurationString);
        var lease = new RedisKeys().Lease($"poller/{WebhookUrl.PortalKey(emulator.WebhookUrl)}/echo");
        var owner = await connection.ExecuteAsync(database => database.StringGetAsync(lease), CancellationToken.None);
        return (string?)owner ?? "(nobody)";
    }

    private static async Task WaitForRegistrationsAsync(BitrixEmulator emulator, int count)
    {
        using var timeout = new CancellationTokenSource(Waits.Reply);
        while (emulator.Portal.Calls.Count(c => c.Method == "imbot.v2.Bot.register") < count)
        {
            await Task.Delay(50, timeout.Token);
        }
    }
}
