using StackExchange.Redis;

namespace ChatBotHost.Tests.Support.SupportTests;

/// <summary>The cluster the cluster runs of the store contracts use is a real one: three primaries sharing the slots.</summary>
[Collection(RedisClusterCollection.Name)]
public sealed class RedisClusterTests(RedisClusterFixture cluster)
{
    [Fact]
    public async Task StartAsync_ThreeNodes_MakesAClusterOfThreePrimariesEachServingSlots()
    {
        await using var observer = await ConnectionMultiplexer.ConnectAsync(cluster.ConfigurationString);

        var primaries = observer.GetServers().Where(server => !server.IsReplica).ToList();

        Assert.All(primaries, server => Assert.Equal(ServerType.Cluster, server.ServerType));
        Assert.Equal(3, primaries.Count);
        var owners = Enumerable.Range(0, 300).Select(i => observer.GetServer((RedisKey)$"k{i}").EndPoint).Distinct().Count();
        Assert.Equal(3, owners);
    }

    [Fact]
    public async Task StartAsync_OneReplicaPerPrimary_MakesSixNodesWithEveryPrimaryReplicatedAndInSync()
    {
        await using var six = await RedisCluster.StartAsync(replicasPerPrimary: 1, nodeTimeout: TimeSpan.FromSeconds(1));
        await using var observer = await ConnectionMultiplexer.ConnectAsync(six.ConfigurationString + ",allowAdmin=true");

        var servers = observer.GetServers();

        Assert.Equal(6, six.Nodes.Count);
        Assert.Equal(3, servers.Count(server => !server.IsReplica));
        foreach (var primary in servers.Where(server => !server.IsReplica))
        {
            var info = await primary.InfoRawAsync("replication");
            Assert.Contains("connected_slaves:1", info, StringComparison.Ordinal);
            Assert.Contains("state=online", info, StringComparison.Ordinal);
            Assert.Equal("1000", Assert.Single(await primary.ConfigGetAsync("cluster-node-timeout")).Value);
        }
    }
}
