using ChatBotHost.Bots.Echo;
using ChatBotHost.Emulator;
using ChatBotHost.Emulator.Faults;
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

    private static HostSettings Replica(BitrixEmulator emulator, string redisConfiguration) =>
        new HostSettings(emulator, redisConfiguration, "fetch");
}
