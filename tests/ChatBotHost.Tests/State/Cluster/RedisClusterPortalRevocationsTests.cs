using ChatBotHost.State;
using ChatBotHost.State.Redis;
using ChatBotHost.Tests.Support;

namespace ChatBotHost.Tests.State.Cluster;

/// <summary>
/// Revocations on a cluster: PUBLISH reaches every node's subscribers, but counts only those of the node it was sent
/// to, so the revocation and confirmation channels must route to the node the replicas subscribed on.
/// </summary>
[Collection(RedisClusterCollection.Name)]
public sealed class RedisClusterPortalRevocationsTests(RedisClusterFixture cluster)
{
    private static readonly PortalRevocation Revocation = new("member-1", DateTimeOffset.FromUnixTimeMilliseconds(1_800_000_000_123));

    [Fact]
    public async Task BroadcastAsync_ThreeReplicasOnACluster_EachHearsItAndConfirms()
    {
        var keys = new RedisKeys("revocations-" + Guid.NewGuid().ToString("N"));
        await using var replicas = new RevocationReplicas(cluster.ConfigurationString, keys, 3);
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
}
