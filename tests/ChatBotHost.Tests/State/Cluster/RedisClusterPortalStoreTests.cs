using ChatBotHost.State;
using ChatBotHost.State.Redis;
using ChatBotHost.Tests.Support;

namespace ChatBotHost.Tests.State.Cluster;

/// <summary>The PortalStoreContract run against a three-primary Redis Cluster: every script's keys must share one slot.</summary>
[Collection(RedisClusterCollection.Name)]
public sealed class RedisClusterPortalStoreTests(RedisClusterFixture cluster) : PortalStoreContract, IDisposable
{
    private readonly RedisConnection _connection = new(cluster.ConfigurationString);

    protected override Task<IPortalStore> CreateAsync() =>
        Task.FromResult<IPortalStore>(new RedisPortalStore(_connection, new RedisKeys()));

    public void Dispose() => _connection.Dispose();
}
