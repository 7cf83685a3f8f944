using ChatBotHost.State;
using ChatBotHost.State.Redis;
using ChatBotHost.Tests.Support;

namespace ChatBotHost.Tests.State.Cluster;

/// <summary>The LeaseStoreContract run against a three-primary Redis Cluster: every script's keys must share one slot.</summary>
[Collection(RedisClusterCollection.Name)]
public sealed class RedisClusterLeaseStoreTests(RedisClusterFixture cluster) : LeaseStoreContract, IDisposable
{
    private readonly RedisConnection _connection = new(cluster.ConfigurationString);

    protected override Task<ILeaseStore> CreateAsync() =>
        Task.FromResult<ILeaseStore>(new RedisLeaseStore(_connection, new RedisKeys()));

    public void Dispose() => _connection.Dispose();
}
