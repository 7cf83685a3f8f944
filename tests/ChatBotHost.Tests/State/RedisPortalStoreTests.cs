using ChatBotHost.State;
using ChatBotHost.State.Redis;
using ChatBotHost.Tests.Support;

namespace ChatBotHost.Tests.State;

[Collection(RedisCollection.Name)]
public sealed class RedisPortalStoreTests(RedisFixture redis) : PortalStoreContract, IDisposable
{
    private readonly RedisConnection _connection = new(redis.Server.ConfigurationString);

    protected override Task<IPortalStore> CreateAsync() =>
        Task.FromResult<IPortalStore>(new RedisPortalStore(_connection, new RedisKeys("custom")));

    public void Dispose() => _connection.Dispose();
}
