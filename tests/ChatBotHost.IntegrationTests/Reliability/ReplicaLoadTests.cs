using System.Globalization;
using ChatBotHost.Bots.Echo;
using ChatBotHost.Emulator;
using ChatBotHost.Emulator.Faults;
using ChatBotHost.Emulator.Limits;
using ChatBotHost.IntegrationTests.Harness;
using ChatBotHost.Tests.Support;

namespace ChatBotHost.IntegrationTests.Reliability;

/// <summary>Load with several replicas, a Redis restart, or a failing portal: nothing lost, nothing twice, order kept.</summary>
[Collection(RedisCollection.Name)]
public sealed class ReplicaLoadTests(RedisFixture redis)
{
    [Fact]
    public async Task ThreeReplicasOnOneRedis_EveryMessageAnsweredOnceInOrder()
    {
        await redis.Server.FlushAsync();
        await using var emulator = await BitrixEmulator.StartAsync(new EmulatorOptions(), CancellationToken.None);
        var load = new EchoLoad(emulator, users: 20, messagesPerUser: 6);

        await using var first = await InProcessHost.StartAsync(Replica(emulator, redis.Server.ConfigurationString), typeof(EchoBot));
        await using var second = await InProcessHost.StartAsync(Replica(emulator, redis.Server.ConfigurationString), typeof(EchoBot));
        await using var third = await InProcessHost.StartAsync(Replica(emulator, redis.Server.ConfigurationString), typeof(EchoBot));
        await load.PrepareAsync();
        await load.SendAllAsync();

        await load.AssertEveryTakenMessageAnsweredOnceInOrderAsync(TimeSpan.FromSeconds(60));
    }

    [Fact]
    public async Task RedisRestartedUnderLoad_EveryMessageAnsweredOnceInOrder()
    {
        await using var durable = await RedisServer.StartAsync(persistent: true);
        await using var emulator = await BitrixEmulator.StartAsync(new EmulatorOptions(), CancellationToken.None);
        var load = new EchoLoad(emulator, users: 15, messagesPerUser: 6);

        await using var host = await InProcessHost.StartAsync(Replica(emulator, durable.ConfigurationString), typeof(EchoBot));
        await load.PrepareAsync();
        await load.SendAllAsync(async round =>
        {
            if (round == 3)
            {
                await durable.RestartAsync();
            }
        });

        await load.AssertEveryTakenMessageAnsweredOnceInOrderAsync(TimeSpan.FromSeconds(90));
    }

    [Fact]
    public async Task PortalFailsEveryFifthRequest_EveryMessageAnsweredOnceInOrder()
    {
        await redis.Server.FlushAsync();
        await using var emulator = await BitrixEmulator.StartAsync(new EmulatorOptions(), CancellationToken.None);
        var load = new EchoLoad(emulator, users: 15, messagesPerUser: 6);

        await using var host = await InProcessHost.StartAsync(Replica(emulator, redis.Server.ConfigurationString), typeof(EchoBot));
        await load.PrepareAsync();
        // Faults that leave the call undone; a call the portal performed before the connection broke is the one case
        // the host cannot tell from a failure (README: the one source of a duplicate).
        emulator.Portal.Faults.FailRandomly(0.05, FaultKind.Http500, seed: 1, method: "imbot.v2.Chat.Message.send");
        emulator.Portal.Faults.FailRandomly(0.05, FaultKind.Http503QueryLimit, seed: 2, method: "imbot.v2.Chat.Message.send");
        emulator.Portal.Faults.FailRandomly(0.05, FaultKind.DroppedConnection, seed: 3, method: "imbot.v2.Chat.Message.send");
        emulator.Portal.Faults.FailRandomly(0.05, Fault.SlowAnswer(TimeSpan.FromMilliseconds(300)), seed: 4, method: "imbot.v2.Chat.Message.send");
        await load.SendAllAsync();

        await load.AssertEveryTakenMessageAnsweredOnceInOrderAsync(TimeSpan.FromSeconds(90));
        Assert.NotEmpty(emulator.Portal.InjectedFaults);
    }

    [Fact]
    public async Task ThreeReplicasUnderThePortalsBucket_ShareOneBucketAndNothingIsRefused()
    {
        await redis.Server.FlushAsync();
        await using var emulator = await BitrixEmulator.StartAsync(new EmulatorOptions(), CancellationToken.None);
        var load = new EchoLoad(emulator, users: 20, messagesPerUser: 6);
        var limit = new RateLimitOptions { DrainPerSecond = 10, Burst = 10 };

        await using var first = await InProcessHost.StartAsync(Limited(emulator, limit), typeof(EchoBot));
        await using var second = await InProcessHost.StartAsync(Limited(emulator, limit), typeof(EchoBot));
        await using var third = await InProcessHost.StartAsync(Limited(emulator, limit), typeof(EchoBot));
        // An empty bucket at the portal while the replicas' shared one still counts their registration: the host can only
        // be the stricter of the two, and every request it sends reaches the portal after the host admitted it.
        emulator.Portal.Limits.SetRateLimit(limit);
        var before = emulator.Portal.Limits.Snapshot();
        await load.PrepareAsync();
        await load.SendAllAsync();

        await load.AssertEveryTakenMessageAnsweredOnceInOrderAsync(TimeSpan.FromSeconds(90));
        var after = emulator.Portal.Limits.Snapshot();
        Assert.Equal(before.Refused, after.Refused);
        // 140 messages (20 greetings, 120 replies) in fewer requests than messages: queued replies left in batches.
        Assert.True(after.Accepted - before.Accepted < 140, $"{after.Accepted - before.Accepted} requests for 140 messages");
    }

    private HostSettings Limited(BitrixEmulator emulator, RateLimitOptions limit) =>
        new HostSettings(emulator, redis.Server.ConfigurationString, "webhook")
            .Set("ChatBotHost:RateLimit:DrainPerSecond", limit.DrainPerSecond.ToString(CultureInfo.InvariantCulture))
            .Set("ChatBotHost:RateLimit:Burst", limit.Burst.ToString(CultureInfo.InvariantCulture));

    private static HostSettings Replica(BitrixEmulator emulator, string redisConfiguration) =>
        new HostSettings(emulator, redisConfiguration, "fetch");
}
