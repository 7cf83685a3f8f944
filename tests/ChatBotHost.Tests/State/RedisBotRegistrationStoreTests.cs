using ChatBotHost.State;
using ChatBotHost.State.Redis;
using ChatBotHost.Tests.Support;

namespace ChatBotHost.Tests.State;

[Collection(RedisCollection.Name)]
public sealed class RedisBotRegistrationStoreTests(RedisFixture redis) : BotRegistrationStoreContract, IDisposable
{
    private readonly RedisConnection _connection = new(redis.Server.ConfigurationString);

    protected override Task<IBotRegistrationStore> CreateAsync() =>
        Task.FromResult<IBotRegistrationStore>(new RedisBotRegistrationStore(_connection, new RedisKeys("custom")));

    [Fact]
    public async Task SaveAsync_Registration_StoredAsJsonUnderPrefixedKeyWithoutTtl()
    {
        var store = await CreateAsync();

        await store.SaveAsync(Portal, "echo", new BotRegistration { BotId = 5, WebhookSecret = "w" }, CancellationToken.None);

        var database = await _connection.GetDatabaseAsync(CancellationToken.None);
        var key = $"custom:{{{Portal}:echo}}:registration";
        Assert.StartsWith("{", (string?)await database.StringGetAsync(key), StringComparison.Ordinal);
        Assert.Null(await database.KeyTimeToLiveAsync(key));
    }

    public void Dispose() => _connection.Dispose();
}
