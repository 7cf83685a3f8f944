using ChatBotHost.State;
using ChatBotHost.State.Redis;
using ChatBotHost.Tests.Support;

namespace ChatBotHost.Tests.State;

[Collection(RedisCollection.Name)]
public sealed class RedisTokenStoreTests(RedisFixture redis) : TokenStoreContract, IDisposable
{
    private readonly RedisConnection _connection = new(redis.Server.ConfigurationString);

    protected override Task<ITokenStore> CreateAsync() =>
        Task.FromResult<ITokenStore>(new RedisTokenStore(_connection, new RedisKeys("custom")));

    public void Dispose() => _connection.Dispose();
}
