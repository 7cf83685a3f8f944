using ChatBotHost.State;
using ChatBotHost.State.Redis;
using ChatBotHost.Tests.Support;

namespace ChatBotHost.Tests.State.Cluster;

/// <summary>The InboxStoreContract run against a three-primary Redis Cluster: every script's keys must share one slot.</summary>
[Collection(RedisClusterCollection.Name)]
public sealed class RedisClusterInboxStoreTests(RedisClusterFixture cluster) : InboxStoreContract, IDisposable
{
    private readonly RedisKeys _keys = new();
    private readonly List<RedisConnection> _connections = [];

    // Each store gets its own connection, as each replica has.
    protected override Task<IInboxStore> CreateAsync()
    {
        var connection = new RedisConnection(cluster.ConfigurationString);
        _connections.Add(connection);
        return Task.FromResult<IInboxStore>(new RedisInboxStore(connection, _keys));
    }

    public void Dispose()
    {
        foreach (var connection in _connections)
        {
            connection.Dispose();
        }
    }
}
