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
}
