using ChatBotHost.State;
using ChatBotHost.State.Redis;
using ChatBotHost.Tests.Support;

namespace ChatBotHost.Tests.State.Cluster;

/// <summary>The BotRegistrationStoreContract run against a three-primary Redis Cluster: every script's keys must share one slot.</summary>
[Collection(RedisClusterCollection.Name)]
public sealed class RedisClusterBotRegistrationStoreTests(RedisClusterFixture cluster) : BotRegistrationStoreContract, IDisposable
{
    private readonly RedisConnection _connection = new(cluster.ConfigurationString);

    protected override Task<IBotRegistrationStore> CreateAsync() =>
        Task.FromResult<IBotRegistrationStore>(new RedisBotRegistrationStore(_connection, new RedisKeys()));

    public void Dispose() => _connection.Dispose();
}
