using ChatBotHost.State;
using ChatBotHost.State.Redis;
using ChatBotHost.Tests.Support;

namespace ChatBotHost.Tests.State;

[Collection(RedisCollection.Name)]
public sealed class RedisLeaseStoreTests(RedisFixture redis) : LeaseStoreContract, IDisposable
{
    private readonly RedisConnection _connection = new(redis.Server.ConfigurationString);
    private readonly RedisKeys _keys = new();

    protected override Task<ILeaseStore> CreateAsync() =>
        Task.FromResult<ILeaseStore>(new RedisLeaseStore(_connection, _keys));

    [Fact]
    public async Task TryAcquireAsync_ShortTtl_StoresOwnerUnderDocumentedKeyWithPttlWithinTtl()
    {
        var store = await CreateAsync();
        var ttl = TimeSpan.FromMilliseconds(1500);

        await store.TryAcquireAsync("lease:{x}", "owner-a", ttl, CancellationToken.None);

        var database = await _connection.GetDatabaseAsync(CancellationToken.None);
        const string key = "cbh:{lease%3A%7Bx%7D}:lease";
        Assert.Equal("owner-a", (string?)await database.StringGetAsync(key));
        var pttl = await database.KeyTimeToLiveAsync(key);
        Assert.NotNull(pttl);
        Assert.InRange(pttl.Value, TimeSpan.FromMilliseconds(1), ttl);
        await database.KeyDeleteAsync(key);
    }

    [Fact]
    public async Task RenewAsync_OwnLease_ResetsPttlToNewTtl()
    {
        var store = await CreateAsync();
        await store.TryAcquireAsync(Name, "a", Ttl, CancellationToken.None);
        var database = await _connection.GetDatabaseAsync(CancellationToken.None);
        await database.KeyExpireAsync(_keys.Lease(Name), TimeSpan.FromSeconds(1));

        await store.RenewAsync(Name, "a", TimeSpan.FromHours(1), CancellationToken.None);

        var pttl = await database.KeyTimeToLiveAsync(_keys.Lease(Name));
        Assert.InRange(pttl!.Value, TimeSpan.FromMinutes(2), TimeSpan.FromHours(1));
    }

    [Fact]
    public async Task TryAcquireAsync_LeaseExpiredInRedis_LetsAnotherOwnerTakeOverAndOldOwnerCannotRenew()
    {
        var store = await CreateAsync();
        await store.TryAcquireAsync(Name, "a", Ttl, CancellationToken.None);
        var database = await _connection.GetDatabaseAsync(CancellationToken.None);

        // Deleting the key by hand stands in for waiting out the ttl.
        await database.KeyDeleteAsync(_keys.Lease(Name));

        Assert.True(await store.TryAcquireAsync(Name, "b", Ttl, CancellationToken.None));
        Assert.False(await store.RenewAsync(Name, "a", Ttl, CancellationToken.None));
        await store.ReleaseAsync(Name, "a", CancellationToken.None);
        Assert.Equal("b", (string?)await database.StringGetAsync(_keys.Lease(Name)));
    }

    public void Dispose() => _connection.Dispose();
}
