using ChatBotHost.State;
using ChatBotHost.State.Redis;
using ChatBotHost.Tests.Support;

namespace ChatBotHost.Tests.State;

[Collection(RedisCollection.Name)]
public sealed class RedisDialogStateStoreTests(RedisFixture redis) : DialogStateStoreContract, IDisposable
{
    private static readonly TimeSpan Retention = TimeSpan.FromHours(1);
    private readonly RedisConnection _connection = new(redis.Server.ConfigurationString);
    private readonly RedisKeys _keys = new();

    protected override Task<IDialogStateStore> CreateAsync() =>
        Task.FromResult<IDialogStateStore>(new RedisDialogStateStore(_connection, _keys, Retention));

    [Fact]
    public async Task TrySaveAsync_Save_StoresHashUnderDocumentedKeyWithTtlWithinRetention()
    {
        var store = await CreateAsync();

        await store.TrySaveAsync(Key("a:b}"), "{}", 0, CancellationToken.None);

        var database = await _connection.GetDatabaseAsync(CancellationToken.None);
        var key = $"cbh:{{{Portal}:7:a%3Ab%7D}}:state";
        Assert.Equal("1", (string?)await database.HashGetAsync(key, "v"));
        var ttl = await database.KeyTimeToLiveAsync(key);
        Assert.NotNull(ttl);
        Assert.InRange(ttl.Value, TimeSpan.FromMilliseconds(1), Retention);
    }

    [Fact]
    public async Task TrySaveAsync_SecondSave_RefreshesTtl()
    {
        var store = await CreateAsync();
        await store.TrySaveAsync(Key(), "{}", 0, CancellationToken.None);
        var database = await _connection.GetDatabaseAsync(CancellationToken.None);
        await database.KeyExpireAsync(_keys.DialogState(Key()), TimeSpan.FromMinutes(1));

        await store.TrySaveAsync(Key(), "{}", 1, CancellationToken.None);

        var ttl = await database.KeyTimeToLiveAsync(_keys.DialogState(Key()));
        Assert.InRange(ttl!.Value, TimeSpan.FromMinutes(2), Retention);
    }

    public void Dispose() => _connection.Dispose();
}
