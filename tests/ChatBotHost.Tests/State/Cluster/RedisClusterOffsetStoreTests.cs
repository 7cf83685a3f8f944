using ChatBotHost.State;
using ChatBotHost.State.Redis;
using ChatBotHost.Tests.Support;

namespace ChatBotHost.Tests.State.Cluster;

/// <summary>The OffsetStoreContract run against a three-primary Redis Cluster: every script's keys must share one slot.</summary>
[Collection(RedisClusterCollection.Name)]
public sealed class RedisClusterOffsetStoreTests(RedisClusterFixture cluster) : OffsetStoreContract, IDisposable
{
    private readonly RedisConnection _connection = new(cluster.ConfigurationString);

    protected override Task<IOffsetStore> CreateAsync() =>
        Task.FromResult<IOffsetStore>(new RedisOffsetStore(_connection, new RedisKeys()));

    public void Dispose() => _connection.Dispose();
}
