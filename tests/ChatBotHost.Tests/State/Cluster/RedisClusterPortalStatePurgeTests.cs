using ChatBotHost.State.Redis;
using ChatBotHost.Tests.Support;
using StackExchange.Redis;

namespace ChatBotHost.Tests.State.Cluster;

[Collection(RedisClusterCollection.Name)]
public sealed class RedisClusterPortalStatePurgeTests(RedisClusterFixture cluster)
{
    private readonly RedisKeys _keys = new("purge" + Guid.NewGuid().ToString("N")[..8]);

    [Fact]
    public async Task PurgeAsync_OnACluster_RemovesThePortalsKeysFromEveryPrimary_AndLeavesTheOtherPortal()
    {
        await using var connection = new RedisConnection(cluster.ConfigurationString);
        await using var observer = await ConnectionMultiplexer.ConnectAsync(cluster.ConfigurationString);
        var gone = PortalSpreadOverTwoPrimaries(observer);
        var kept = TestPortals.Unique();
        foreach (var portal in new[] { gone, kept })
        {
            await RedisPortalStatePurgeTests.WriteStateAsync(connection, _keys, portal);
        }

        Assert.True(await PrimariesHoldingAsync(observer, gone) >= 2);

        await new RedisPortalStatePurge(connection, _keys).PurgeAsync(gone, CancellationToken.None);

        Assert.Equal(0, await PrimariesHoldingAsync(observer, gone));
        Assert.NotEqual(0, await PrimariesHoldingAsync(observer, kept));
        var due = await new RedisTimerStore(connection, _keys).ClaimDueAsync(
            RedisPortalStatePurgeTests.T0.AddHours(1), TimeSpan.FromSeconds(30), 10, CancellationToken.None);
        Assert.Equal([kept], due.Select(t => t.Timer.Portal));
    }

    // A portal whose inbox and offset keys (different hash tags) live on different primaries, so a purge that scanned
    // one node only would leave keys behind.
    private string PortalSpreadOverTwoPrimaries(ConnectionMultiplexer observer)
    {
        while (true)
        {
            var portal = TestPortals.Unique();
            if (!Equals(observer.GetServer((RedisKey)_keys.InboxReady(portal)).EndPoint, observer.GetServer((RedisKey)_keys.Offset(portal, "echo")).EndPoint))
            {
                return portal;
            }
        }
    }

    private async Task<int> PrimariesHoldingAsync(ConnectionMultiplexer observer, string portal)
    {
        var holding = 0;
        foreach (var server in observer.GetServers().Where(server => !server.IsReplica))
        {
            var keys = 0;
            foreach (var pattern in _keys.PortalKeyPatterns(portal))
            {
                keys += await server.KeysAsync(pattern: pattern).CountAsync();
            }

            holding += keys > 0 ? 1 : 0;
        }

        return holding;
    }
}
