using ChatBotHost.State;
using ChatBotHost.State.Redis;
using ChatBotHost.Tests.Support;

namespace ChatBotHost.Tests.State.Cluster;

/// <summary>The TimerStoreContract run against a three-primary Redis Cluster: every script's keys must share one slot.</summary>
[Collection(RedisClusterCollection.Name)]
public sealed class RedisClusterTimerStoreTests(RedisClusterFixture cluster) : TimerStoreContract, IDisposable
{
    // All timers of a host share one set of keys, so each test gets its own prefix instead of its own portal.
    private readonly RedisKeys _keys = new($"t{Guid.NewGuid():N}");
    private readonly List<RedisConnection> _connections = [];

    // Each store gets its own connection, as each replica has.
    protected override Task<ITimerStore> CreateAsync()
    {
        var connection = new RedisConnection(cluster.ConfigurationString);
        _connections.Add(connection);
        return Task.FromResult<ITimerStore>(new RedisTimerStore(connection, _keys));
    }

    public void Dispose()
    {
        foreach (var connection in _connections)
        {
            connection.Dispose();
        }
    }
}
