using ChatBotHost.State;
using ChatBotHost.State.Redis;
using ChatBotHost.Tests.Support;

namespace ChatBotHost.Tests.State.Cluster;

/// <summary>The DialogStateStoreContract run against a three-primary Redis Cluster: every script's keys must share one slot.</summary>
[Collection(RedisClusterCollection.Name)]
public sealed class RedisClusterDialogStateStoreTests(RedisClusterFixture cluster) : DialogStateStoreContract, IDisposable
{
    private readonly RedisConnection _connection = new(cluster.ConfigurationString);

    protected override Task<IDialogStateStore> CreateAsync() =>
        Task.FromResult<IDialogStateStore>(new RedisDialogStateStore(_connection, new RedisKeys(), TimeSpan.FromHours(1)));

    public void Dispose() => _connection.Dispose();
}
