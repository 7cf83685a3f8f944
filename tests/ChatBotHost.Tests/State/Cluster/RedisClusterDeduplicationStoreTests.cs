using ChatBotHost.State;
using ChatBotHost.State.Redis;
using ChatBotHost.Tests.Support;

namespace ChatBotHost.Tests.State.Cluster;

/// <summary>The DeduplicationStoreContract run against a three-primary Redis Cluster: every script's keys must share one slot.</summary>
[Collection(RedisClusterCollection.Name)]
public sealed class RedisClusterDeduplicationStoreTests(RedisClusterFixture cluster) : DeduplicationStoreContract, IDisposable
{
    private readonly RedisConnection _connection = new(cluster.ConfigurationString);

    protected override Task<IDeduplicationStore> CreateAsync() =>
        Task.FromResult<IDeduplicationStore>(new RedisDeduplicationStore(_connection, new RedisKeys()));

    public void Dispose() => _connection.Dispose();
}
