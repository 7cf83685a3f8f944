using ChatBotHost.State;
using ChatBotHost.State.Redis;
using ChatBotHost.Tests.Support;
using Microsoft.AspNetCore.DataProtection;

namespace ChatBotHost.Tests.State;

[Collection(RedisCollection.Name)]
public sealed class RedisTokenStoreTests(RedisFixture redis) : TokenStoreContract, IDisposable
{
    private readonly RedisConnection _connection = new(redis.Server.ConfigurationString);

    protected override Task<ITokenStore> CreateAsync() =>
        Task.FromResult<ITokenStore>(new RedisTokenStore(_connection, new RedisKeys("custom"), new TokenProtection(new EphemeralDataProtectionProvider())));

    public void Dispose() => _connection.Dispose();
}
