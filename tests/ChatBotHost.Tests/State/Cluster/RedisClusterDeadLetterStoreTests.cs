using ChatBotHost.State;
using ChatBotHost.State.Redis;
using ChatBotHost.Tests.Support;

namespace ChatBotHost.Tests.State.Cluster;

/// <summary>The DeadLetterStoreContract run against a three-primary Redis Cluster: every script's keys must share one slot.</summary>
[Collection(RedisClusterCollection.Name)]
public sealed class RedisClusterDeadLetterStoreTests(RedisClusterFixture cluster) : DeadLetterStoreContract, IDisposable
{
    private readonly RedisConnection _connection = new(cluster.ConfigurationString);

    protected override Task<IDeadLetterStore> CreateAsync() =>
        Task.FromResult<IDeadLetterStore>(new RedisDeadLetterStore(_connection, new RedisKeys(), Capacity));

    public void Dispose() => _connection.Dispose();
}
