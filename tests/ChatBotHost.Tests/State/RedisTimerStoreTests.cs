using ChatBotHost.State;
using ChatBotHost.State.Redis;
using ChatBotHost.Tests.Support;

namespace ChatBotHost.Tests.State;

[Collection(RedisCollection.Name)]
public sealed class RedisTimerStoreTests(RedisFixture redis) : TimerStoreContract, IDisposable
{
    // All timers of a host share one set of keys, so each test gets its own prefix instead of its own portal.
    private readonly RedisKeys _keys = new($"t{Guid.NewGuid():N}");
    private readonly List<RedisConnection> _connections = [];

    // Each store gets its own connection, as each replica has.
    protected override Task<ITimerStore> CreateAsync()
    {
        var connection = new RedisConnection(redis.Server.ConfigurationString);
        _connections.Add(connection);
        return Task.FromResult<ITimerStore>(new RedisTimerStore(connection, _keys));
    }

    [Fact]
    public async Task ScheduleAsync_Timer_StoresUnderDocumentedKeysWithDueScoreInUnixMilliseconds()
    {
        var store = await CreateAsync();

        await store.ScheduleAsync(Timer("a:b}", T0), CancellationToken.None);

        var database = await _connections[0].GetDatabaseAsync(CancellationToken.None);
        var field = $"{Portal}:echo:a%3Ab%7D";
        Assert.Equal(T0.ToUnixTimeMilliseconds(), await database.SortedSetScoreAsync($"{_keys.Prefix}:{{timers}}:due", field));
        var json = (string?)await database.HashGetAsync($"{_keys.Prefix}:{{timers}}:entries", field);
        Assert.Contains("\"id\":\"a:b}\"", json, StringComparison.Ordinal);
        Assert.False(await database.HashExistsAsync($"{_keys.Prefix}:{{timers}}:claims", field));
    }

    [Fact]
    public async Task CompleteAsync_ClaimedTimer_LeavesNoKeysBehind()
    {
        var store = await CreateAsync();
        await store.ScheduleAsync(Timer("t1", T0), CancellationToken.None);
        var claimed = Assert.Single(await store.ClaimDueAsync(T0, Lease, 10, CancellationToken.None));

        await store.CompleteAsync(claimed, CancellationToken.None);

        var database = await _connections[0].GetDatabaseAsync(CancellationToken.None);
        Assert.False(await database.KeyExistsAsync(_keys.TimersDue));
        Assert.False(await database.KeyExistsAsync(_keys.TimerEntries));
        Assert.False(await database.KeyExistsAsync(_keys.TimerClaims));
    }

    public void Dispose()
    {
        foreach (var connection in _connections)
        {
            connection.Dispose();
        }
    }
}
