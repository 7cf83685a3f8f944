using ChatBotHost.State;
using ChatBotHost.State.Redis;
using ChatBotHost.Tests.Support;
using Microsoft.AspNetCore.DataProtection;

namespace ChatBotHost.Tests.State.Cluster;

/// <summary>The TokenStoreContract run against a three-primary Redis Cluster: every script's keys must share one slot.</summary>
[Collection(RedisClusterCollection.Name)]
public sealed class RedisClusterTokenStoreTests(RedisClusterFixture cluster) : TokenStoreContract, IDisposable
{
    private readonly RedisConnection _connection = new(cluster.ConfigurationString);

    protected override Task<ITokenStore> CreateAsync() =>
        Task.FromResult<ITokenStore>(new RedisTokenStore(_connection, new RedisKeys(), new TokenProtection(new EphemeralDataProtectionProvider())));

    public void Dispose() => _connection.Dispose();
}
