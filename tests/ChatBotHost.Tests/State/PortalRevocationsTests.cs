using ChatBotHost.State;
using ChatBotHost.State.InMemory;
using ChatBotHost.State.Redis;
using ChatBotHost.Tests.Support;

namespace ChatBotHost.Tests.State;

[Collection(RedisCollection.Name)]
public sealed class PortalRevocationsTests(RedisFixture redis)
{
    private static readonly PortalRevocation Revocation = new("member-1", DateTimeOffset.FromUnixTimeMilliseconds(1_800_000_000_123));

    [Fact]
    public async Task BroadcastAsync_ThreeReplicasOnOneRedis_EachHearsItAndConfirms()
    {
        var keys = new RedisKeys("revocations-" + Guid.NewGuid().ToString("N"));
        await using var replicas = new RevocationReplicas(redis.Server.ConfigurationString, keys, 3);
        var heard = Enumerable.Range(0, replicas.Count).Select(_ => new TaskCompletionSource<PortalRevocation>()).ToList();
        for (var i = 0; i < replicas.Count; i++)
        {
            var mine = heard[i];
            await replicas[i].SubscribeAsync(r => { mine.TrySetResult(r); return Task.CompletedTask; }, CancellationToken.None);
        }

        var result = await replicas[1].BroadcastAsync(Revocation, TimeSpan.FromSeconds(10), CancellationToken.None);

        Assert.Equal(new RevocationResult(3, 3), result);
        Assert.All(await Task.WhenAll(heard.Select(h => h.Task)), r => Assert.Equal(Revocation, r));
    }

    [Fact]
    public async Task BroadcastAsync_AReplicaStillFinishingCalls_ConfirmsOnlyWhenDone_OrIsReportedUnconfirmed()
    {
        var keys = new RedisKeys("revocations-" + Guid.NewGuid().ToString("N"));
        await using var replicas = new RevocationReplicas(redis.Server.ConfigurationString, keys, 2);
        var finishing = new TaskCompletionSource();
        await replicas[0].SubscribeAsync(_ => Task.CompletedTask, CancellationToken.None);
        await replicas[1].SubscribeAsync(_ => finishing.Task, CancellationToken.None);

        var unconfirmed = await replicas[0].BroadcastAsync(Revocation, TimeSpan.FromMilliseconds(300), CancellationToken.None);
        var waiting = replicas[0].BroadcastAsync(Revocation, TimeSpan.FromSeconds(10), CancellationToken.None);
        finishing.SetResult();
        var confirmed = await waiting;

        Assert.Equal(new RevocationResult(2, 1), unconfirmed);
        Assert.False(unconfirmed.Complete);
        Assert.Equal(new RevocationResult(2, 2), confirmed);
    }

    [Fact]
    public async Task BroadcastAsync_InMemory_CallsThisProcesssHandlers()
    {
        var revocations = new InMemoryPortalRevocations();
        var heard = new List<PortalRevocation>();
        await revocations.SubscribeAsync(r => { heard.Add(r); return Task.CompletedTask; }, CancellationToken.None);

        var result = await revocations.BroadcastAsync(Revocation, TimeSpan.FromSeconds(1), CancellationToken.None);

        Assert.Equal(new RevocationResult(1, 1), result);
        Assert.Equal([Revocation], heard);
    }
}
