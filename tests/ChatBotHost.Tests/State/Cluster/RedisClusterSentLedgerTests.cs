using ChatBotHost.State;
using ChatBotHost.State.Redis;
using ChatBotHost.Tests.Support;

namespace ChatBotHost.Tests.State.Cluster;

/// <summary>The SentLedgerContract run against a three-primary Redis Cluster: every script's keys must share one slot.</summary>
[Collection(RedisClusterCollection.Name)]
public sealed class RedisClusterSentLedgerTests(RedisClusterFixture cluster) : SentLedgerContract, IDisposable
{
    private readonly RedisConnection _connection = new(cluster.ConfigurationString);

    protected override Task<ISentLedger> CreateAsync() =>
        Task.FromResult<ISentLedger>(new RedisSentLedger(_connection, new RedisKeys()));

    public void Dispose() => _connection.Dispose();
}
