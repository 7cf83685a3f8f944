using ChatBotHost.State;
using ChatBotHost.State.Redis;
using ChatBotHost.Tests.Support;

namespace ChatBotHost.Tests.State;

[Collection(RedisCollection.Name)]
public sealed class RedisDeduplicationStoreTests(RedisFixture redis) : DeduplicationStoreContract, IDisposable
{
    private readonly RedisConnection _connection = new(redis.Server.ConfigurationString);

    protected override Task<IDeduplicationStore> CreateAsync() =>
        Task.FromResult<IDeduplicationStore>(new RedisDeduplicationStore(_connection, new RedisKeys()));

    [Fact]
    public async Task MarkHandledAsync_ShortRetention_SetsPttlWithinRetention()
    {
        var store = await CreateAsync();
        var retention = TimeSpan.FromMilliseconds(1500);

        await store.MarkHandledAsync(Portal, 7, "message:1", retention, CancellationToken.None);

        var database = await _connection.GetDatabaseAsync(CancellationToken.None);
        var ttl = await database.KeyTimeToLiveAsync($"cbh:{{{Portal}:7}}:seen:message%3A1");
        Assert.NotNull(ttl);
        Assert.InRange(ttl.Value, TimeSpan.FromMilliseconds(1), retention);
    }

    [Fact]
    public async Task IsHandledAsync_MarkExpiredInRedis_ReturnsFalse()
    {
        var store = await CreateAsync();
        await store.MarkHandledAsync(Portal, 7, "message:1", Retention, CancellationToken.None);
        var database = await _connection.GetDatabaseAsync(CancellationToken.None);

        // Expiring the key by hand stands in for waiting out the retention.
        await database.KeyDeleteAsync(new RedisKeys().Seen(Portal, 7, "message:1"));

        Assert.False(await store.IsHandledAsync(Portal, 7, "message:1", CancellationToken.None));
    }

    public void Dispose() => _connection.Dispose();
}
