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

    [Fact]
    public async Task LearnApplicationTokenAsync_TwoReplicasRace_BothSeeTheSameWinner()
    {
        using var otherReplica = new RedisConnection(redis.Server.ConfigurationString);
        var first = new RedisBotRegistrationStore(_connection, new RedisKeys("custom"));
        var second = new RedisBotRegistrationStore(otherReplica, new RedisKeys("custom"));
        for (var round = 0; round < 20; round++)
        {
            var bot = $"echo{round}";
            await first.SaveAsync(Portal, bot, new BotRegistration { BotId = 5, WebhookSecret = "w" }, CancellationToken.None);

            var answers = await Task.WhenAll(
                Task.Run(() => first.LearnApplicationTokenAsync(Portal, bot, 5, "token-a", CancellationToken.None)),
                Task.Run(() => second.LearnApplicationTokenAsync(Portal, bot, 5, "token-b", CancellationToken.None)));

            var winner = Assert.Single(answers.Select(a => a!.ApplicationToken).Distinct());
            Assert.Equal(winner, (await second.GetAsync(Portal, bot, CancellationToken.None))!.ApplicationToken);
        }
    }

    public void Dispose() => _connection.Dispose();
}
