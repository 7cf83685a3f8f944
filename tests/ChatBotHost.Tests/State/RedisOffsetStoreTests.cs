using ChatBotHost.State;
using ChatBotHost.State.Redis;
using ChatBotHost.Tests.Support;

namespace ChatBotHost.Tests.State;

[Collection(RedisCollection.Name)]
public sealed class RedisOffsetStoreTests(RedisFixture redis) : OffsetStoreContract, IDisposable
{
    private readonly RedisConnection _connection = new(redis.Server.ConfigurationString);

    protected override Task<IOffsetStore> CreateAsync() =>
        Task.FromResult<IOffsetStore>(new RedisOffsetStore(_connection, new RedisKeys()));

    [Fact]
    public async Task AdvanceAsync_Offset_StoredUnderDocumentedKeyWithoutTtl()
    {
        var store = await CreateAsync();

        await store.AdvanceAsync(Portal, "echo", 42, CancellationToken.None);

        var database = await _connection.GetDatabaseAsync(CancellationToken.None);
        var key = $"cbh:{{{Portal}:echo}}:offset";
        Assert.Equal("42", (string?)await database.StringGetAsync(key));
        Assert.Null(await database.KeyTimeToLiveAsync(key));
    }

    public void Dispose() => _connection.Dispose();
}
