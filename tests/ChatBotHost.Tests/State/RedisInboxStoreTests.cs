using ChatBotHost.State;
using ChatBotHost.State.Redis;
using ChatBotHost.Tests.Support;

namespace ChatBotHost.Tests.State;

[Collection(RedisCollection.Name)]
public sealed class RedisInboxStoreTests(RedisFixture redis) : InboxStoreContract, IDisposable
{
    private readonly RedisKeys _keys = new();
    private readonly List<RedisConnection> _connections = [];

    // Each store gets its own connection, as each replica has.
    protected override Task<IInboxStore> CreateAsync()
    {
        var connection = new RedisConnection(redis.Server.ConfigurationString);
        _connections.Add(connection);
        return Task.FromResult<IInboxStore>(new RedisInboxStore(connection, _keys));
    }

    [Fact]
    public async Task EnqueueAsync_Item_StoresUnderDocumentedKeysInOneHashSlot()
    {
        var store = await CreateAsync();

        await store.EnqueueAsync(Item("m1", dialogId: "chat:7"), CancellationToken.None);

        var database = await _connections[0].GetDatabaseAsync(CancellationToken.None);
        var tag = $"cbh:{{inbox:{Portal}}}";
        Assert.Equal(1, await database.ListLengthAsync($"{tag}:q:echo:chat%3A7"));
        Assert.Equal(T0.ToUnixTimeMilliseconds(), await database.SortedSetScoreAsync($"{tag}:ready", "echo:chat%3A7"));
        Assert.Equal(1, (long)await database.StringGetAsync($"{tag}:depth"));
    }

    [Fact]
    public async Task AckAsync_LastItem_LeavesOnlyTheDepthCounter()
    {
        var store = await CreateAsync();
        await store.EnqueueAsync(Item("m1"), CancellationToken.None);
        var claim = Assert.Single(await store.ClaimAsync(Portal, T0, Lease, 10, CancellationToken.None));

        await store.AckAsync(claim, CancellationToken.None);

        var database = await _connections[0].GetDatabaseAsync(CancellationToken.None);
        Assert.False(await database.KeyExistsAsync(_keys.InboxQueue(Portal, "echo", "chat1")));
        Assert.False(await database.KeyExistsAsync(_keys.InboxReady(Portal)));
        Assert.False(await database.KeyExistsAsync(_keys.InboxOwners(Portal)));
        Assert.Equal(0, (long)await database.StringGetAsync(_keys.InboxDepth(Portal)));
    }

    [Fact]
    public async Task EnqueueAsync_DeadlinePassedOnTheServersClock_StoresNothingAndSaysSo()
    {
        var store = await CreateAsync();

        await Assert.ThrowsAsync<EnqueueTooLateException>(
            () => store.EnqueueAsync([Item("late"), Item("late too", dialogId: "chat2")], DateTimeOffset.UtcNow - TimeSpan.FromSeconds(2), CancellationToken.None));

        Assert.Equal(0, await store.DepthAsync(Portal, CancellationToken.None));
        Assert.Empty(await store.ClaimAsync(Portal, T0 + Lease, Lease, 10, CancellationToken.None));
    }

    [Fact]
    public async Task EnqueueAsync_DeadlineAhead_Stores()
    {
        var store = await CreateAsync();

        var claimable = await store.EnqueueAsync([Item("in time")], DateTimeOffset.UtcNow + TimeSpan.FromMinutes(1), CancellationToken.None);

        Assert.Equal([true], claimable);
        Assert.Equal("in time", Assert.Single(await store.ClaimAsync(Portal, T0, Lease, 10, CancellationToken.None)).Item.Payload);
    }

    public void Dispose()
    {
        foreach (var connection in _connections)
        {
            connection.Dispose();
        }
    }
}
