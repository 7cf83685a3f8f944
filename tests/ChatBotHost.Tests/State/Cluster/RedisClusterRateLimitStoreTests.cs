using ChatBotHost.State;
using ChatBotHost.State.Redis;
using ChatBotHost.Tests.Support;

namespace ChatBotHost.Tests.State.Cluster;

/// <summary>The RateLimitStoreContract run against a three-primary Redis Cluster: every script's keys must share one slot.</summary>
[Collection(RedisClusterCollection.Name)]
public sealed class RedisClusterRateLimitStoreTests(RedisClusterFixture cluster) : RateLimitStoreContract, IDisposable
{
    private readonly RedisConnection _connection = new(cluster.ConfigurationString);

    protected override Task<IRateLimitStore> CreateAsync() =>
        Task.FromResult<IRateLimitStore>(new RedisRateLimitStore(_connection, new RedisKeys()));

    public void Dispose() => _connection.Dispose();
}
