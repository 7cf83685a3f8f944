using ChatBotHost.State;
using ChatBotHost.State.Redis;
using ChatBotHost.Tests.Support;

namespace ChatBotHost.Tests.State;

[Collection(RedisCollection.Name)]
public sealed class RedisSentLedgerTests(RedisFixture redis) : SentLedgerContract, IDisposable
{
    private readonly RedisConnection _connection = new(redis.Server.ConfigurationString);

    protected override Task<ISentLedger> CreateAsync() =>
        Task.FromResult<ISentLedger>(new RedisSentLedger(_connection, new RedisKeys()));

    [Fact]
    public async Task RecordAsync_ShortRetention_StoresUnderDocumentedKeyWithPttlWithinRetention()
    {
        var ledger = await CreateAsync();
        var retention = TimeSpan.FromMilliseconds(1500);

        await ledger.RecordAsync(Portal, "echo", "e:1#1", "{}", retention, CancellationToken.None);

        var database = await _connection.GetDatabaseAsync(CancellationToken.None);
        var key = $"cbh:{{{Portal}:echo:e%3A1#1}}:sent";
        Assert.Equal("{}", (string?)await database.StringGetAsync(key));
        var ttl = await database.KeyTimeToLiveAsync(key);
        Assert.NotNull(ttl);
        Assert.InRange(ttl.Value, TimeSpan.FromMilliseconds(1), retention);
    }

    public void Dispose() => _connection.Dispose();
}
