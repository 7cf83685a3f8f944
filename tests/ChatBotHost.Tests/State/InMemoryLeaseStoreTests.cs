using ChatBotHost.State;
using ChatBotHost.State.InMemory;

namespace ChatBotHost.Tests.State;

public sealed class InMemoryLeaseStoreTests : LeaseStoreContract
{
    private readonly FakeTimeProvider _clock = new();

    protected override Task<ILeaseStore> CreateAsync() => Task.FromResult<ILeaseStore>(new InMemoryLeaseStore(_clock));

    [Fact]
    public async Task TryAcquireAsync_TtlPassed_LetsAnotherOwnerTakeOverAndOldOwnerCanNeitherRenewNorRelease()
    {
        var store = await CreateAsync();
        await store.TryAcquireAsync(Name, "a", Ttl, CancellationToken.None);

        _clock.Advance(Ttl - TimeSpan.FromMilliseconds(1));
        Assert.False(await store.TryAcquireAsync(Name, "b", Ttl, CancellationToken.None));
        _clock.Advance(TimeSpan.FromMilliseconds(1));

        Assert.True(await store.TryAcquireAsync(Name, "b", Ttl, CancellationToken.None));
        Assert.False(await store.RenewAsync(Name, "a", Ttl, CancellationToken.None));
        await store.ReleaseAsync(Name, "a", CancellationToken.None);
        Assert.False(await store.TryAcquireAsync(Name, "c", Ttl, CancellationToken.None));
    }

    [Fact]
    public async Task RenewAsync_BeforeExpiry_RestartsTtlFromNow()
    {
        var store = await CreateAsync();
        await store.TryAcquireAsync(Name, "a", Ttl, CancellationToken.None);
        _clock.Advance(Ttl * 0.9);

        Assert.True(await store.RenewAsync(Name, "a", Ttl, CancellationToken.None));
        _clock.Advance(Ttl * 0.9);

        Assert.False(await store.TryAcquireAsync(Name, "b", Ttl, CancellationToken.None));
        _clock.Advance(Ttl * 0.1);
        Assert.True(await store.TryAcquireAsync(Name, "b", Ttl, CancellationToken.None));
    }

    [Fact]
    public async Task TryAcquireAsync_OwnLeaseAgain_RestartsTtlFromNow()
    {
        var store = await CreateAsync();
        await store.TryAcquireAsync(Name, "a", Ttl, CancellationToken.None);
        _clock.Advance(Ttl * 0.9);

        await store.TryAcquireAsync(Name, "a", Ttl, CancellationToken.None);
        _clock.Advance(Ttl * 0.9);

        Assert.False(await store.TryAcquireAsync(Name, "b", Ttl, CancellationToken.None));
    }
}
