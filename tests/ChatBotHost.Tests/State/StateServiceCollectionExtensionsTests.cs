using ChatBotHost.State;
using ChatBotHost.State.InMemory;
using ChatBotHost.State.Redis;
using ChatBotHost.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace ChatBotHost.Tests.State;

[Collection(RedisCollection.Name)]
public sealed class StateServiceCollectionExtensionsTests(RedisFixture redis)
{
    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("  ")]
    public async Task AddStateStores_NoConfiguration_RegistersInMemoryStoresAndSaysNotDurable(string? configuration)
    {
        await using var provider = new ServiceCollection().AddStateStores(configuration).BuildServiceProvider();

        Assert.IsType<InMemoryDialogStateStore>(provider.GetRequiredService<IDialogStateStore>());
        Assert.IsType<InMemoryOffsetStore>(provider.GetRequiredService<IOffsetStore>());
        Assert.IsType<InMemoryDeduplicationStore>(provider.GetRequiredService<IDeduplicationStore>());
        Assert.IsType<InMemoryBotRegistrationStore>(provider.GetRequiredService<IBotRegistrationStore>());
        Assert.IsType<InMemoryTimerStore>(provider.GetRequiredService<ITimerStore>());
        Assert.IsType<InMemoryLeaseStore>(provider.GetRequiredService<ILeaseStore>());
        Assert.IsType<InMemoryDeadLetterStore>(provider.GetRequiredService<IDeadLetterStore>());
        Assert.IsType<InMemoryRateLimitStore>(provider.GetRequiredService<IRateLimitStore>());
        Assert.IsType<InMemorySentLedger>(provider.GetRequiredService<ISentLedger>());
        Assert.NotNull(provider.GetRequiredService<LeaseLock>());
        var info = provider.GetRequiredService<StateStoreInfo>();
        Assert.Equal(StateStoreKind.InMemory, info.Kind);
        Assert.False(info.IsDurable);
        Assert.Contains("lost on restart", info.Description, StringComparison.Ordinal);
        Assert.Null(provider.GetService<RedisConnection>());
    }

    [Fact]
    public async Task AddStateStores_InMemory_StoresAreSingletons()
    {
        await using var provider = new ServiceCollection().AddStateStores(null).BuildServiceProvider();

        Assert.Same(provider.GetRequiredService<IDialogStateStore>(), provider.GetRequiredService<IDialogStateStore>());
    }

    [Fact]
    public async Task AddStateStores_RedisConfiguration_RegistersWorkingRedisStoresAndSaysDurable()
    {
        await using var provider = new ServiceCollection()
            .AddStateStores(redis.Server.ConfigurationString, "di")
            .BuildServiceProvider();

        var store = Assert.IsType<RedisDialogStateStore>(provider.GetRequiredService<IDialogStateStore>());
        Assert.IsType<RedisOffsetStore>(provider.GetRequiredService<IOffsetStore>());
        Assert.IsType<RedisDeduplicationStore>(provider.GetRequiredService<IDeduplicationStore>());
        Assert.IsType<RedisBotRegistrationStore>(provider.GetRequiredService<IBotRegistrationStore>());
        Assert.IsType<RedisTimerStore>(provider.GetRequiredService<ITimerStore>());
        Assert.IsType<RedisLeaseStore>(provider.GetRequiredService<ILeaseStore>());
        Assert.IsType<RedisDeadLetterStore>(provider.GetRequiredService<IDeadLetterStore>());
        Assert.IsType<RedisRateLimitStore>(provider.GetRequiredService<IRateLimitStore>());
        Assert.IsType<RedisSentLedger>(provider.GetRequiredService<ISentLedger>());
        Assert.NotNull(provider.GetRequiredService<LeaseLock>());
        Assert.True(provider.GetRequiredService<StateStoreInfo>().IsDurable);
        var key = new DialogKey(TestPortals.Unique(), 1, "d");
        Assert.True(await store.TrySaveAsync(key, "{}", 0, CancellationToken.None));
        var database = await provider.GetRequiredService<RedisConnection>().GetDatabaseAsync(CancellationToken.None);
        Assert.True(await database.KeyExistsAsync(new RedisKeys("di").DialogState(key)));
    }

    [Fact]
    public void AddStateStores_RedisWithPassword_DescriptionOmitsPassword()
    {
        using var provider = new ServiceCollection()
            .AddStateStores("redis.internal:6379,password=pa55word-xyz")
            .BuildServiceProvider();

        var info = provider.GetRequiredService<StateStoreInfo>();

        Assert.Equal(StateStoreKind.Redis, info.Kind);
        Assert.Contains("redis.internal:6379", info.Description, StringComparison.Ordinal);
        Assert.DoesNotContain("pa55word-xyz", info.Description, StringComparison.Ordinal);
    }

    [Fact]
    public void AddStateStores_MalformedConfiguration_ThrowsNamingSetting()
    {
        var error = Assert.Throws<InvalidOperationException>(
            () => new ServiceCollection().AddStateStores("127.0.0.1:6379,nonsense=1"));

        Assert.Contains("ChatBotHost:Redis:Configuration", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AddStateStores_RegisteredTimeProvider_IsUsedByInMemoryStores()
    {
        var clock = new FakeTimeProvider();
        await using var provider = new ServiceCollection()
            .AddSingleton<TimeProvider>(clock)
            .AddStateStores(null, dialogStateRetention: TimeSpan.FromMinutes(5))
            .BuildServiceProvider();
        var store = provider.GetRequiredService<IDialogStateStore>();
        var key = new DialogKey("p", 1, "d");
        await store.TrySaveAsync(key, "{}", 0, CancellationToken.None);

        clock.Advance(TimeSpan.FromMinutes(5));

        Assert.Null(await store.LoadAsync(key, CancellationToken.None));
    }

    [Fact]
    public async Task AddStateStores_RegisteredTimeProvider_ExpiresInMemoryLeases()
    {
        var clock = new FakeTimeProvider();
        await using var provider = new ServiceCollection()
            .AddSingleton<TimeProvider>(clock)
            .AddStateStores(null)
            .BuildServiceProvider();
        var leases = provider.GetRequiredService<ILeaseStore>();
        await leases.TryAcquireAsync("lease", "a", TimeSpan.FromMinutes(1), CancellationToken.None);

        clock.Advance(TimeSpan.FromMinutes(1));

        Assert.True(await leases.TryAcquireAsync("lease", "b", TimeSpan.FromMinutes(1), CancellationToken.None));
    }
}
