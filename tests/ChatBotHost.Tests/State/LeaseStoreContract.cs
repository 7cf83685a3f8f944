using ChatBotHost.State;

namespace ChatBotHost.Tests.State;

/// <summary>What every ILeaseStore must do; run against each implementation by a subclass.</summary>
public abstract class LeaseStoreContract
{
    protected static readonly TimeSpan Ttl = TimeSpan.FromMinutes(1);

    /// <summary>A lease name no other test uses.</summary>
    protected string Name { get; } = $"dialog/{TestPortals.Unique()}/echo/chat:{{1}}";

    protected abstract Task<ILeaseStore> CreateAsync();

    [Fact]
    public async Task TryAcquireAsync_FreeLease_TakesItAndOthersAreRefused()
    {
        var store = await CreateAsync();

        Assert.True(await store.TryAcquireAsync(Name, "a", Ttl, CancellationToken.None));

        Assert.False(await store.TryAcquireAsync(Name, "b", Ttl, CancellationToken.None));
    }

    [Fact]
    public async Task TryAcquireAsync_OwnLease_SucceedsAgain()
    {
        var store = await CreateAsync();
        await store.TryAcquireAsync(Name, "a", Ttl, CancellationToken.None);

        Assert.True(await store.TryAcquireAsync(Name, "a", Ttl, CancellationToken.None));
    }

    [Fact]
    public async Task RenewAsync_OwnLease_ReturnsTrueAndKeepsOthersOut()
    {
        var store = await CreateAsync();
        await store.TryAcquireAsync(Name, "a", Ttl, CancellationToken.None);

        Assert.True(await store.RenewAsync(Name, "a", Ttl, CancellationToken.None));

        Assert.False(await store.TryAcquireAsync(Name, "b", Ttl, CancellationToken.None));
    }

    [Fact]
    public async Task RenewAsync_SomeoneElsesLease_ReturnsFalseAndLeavesItToThem()
    {
        var store = await CreateAsync();
        await store.TryAcquireAsync(Name, "a", Ttl, CancellationToken.None);

        Assert.False(await store.RenewAsync(Name, "b", Ttl, CancellationToken.None));

        Assert.True(await store.RenewAsync(Name, "a", Ttl, CancellationToken.None));
    }

    [Fact]
    public async Task RenewAsync_FreeLease_ReturnsFalseAndDoesNotTakeIt()
    {
        var store = await CreateAsync();

        Assert.False(await store.RenewAsync(Name, "a", Ttl, CancellationToken.None));

        Assert.True(await store.TryAcquireAsync(Name, "b", Ttl, CancellationToken.None));
    }

    [Fact]
    public async Task ReleaseAsync_OwnLease_FreesItForOthers()
    {
        var store = await CreateAsync();
        await store.TryAcquireAsync(Name, "a", Ttl, CancellationToken.None);

        await store.ReleaseAsync(Name, "a", CancellationToken.None);

        Assert.False(await store.RenewAsync(Name, "a", Ttl, CancellationToken.None));
        Assert.True(await store.TryAcquireAsync(Name, "b", Ttl, CancellationToken.None));
    }

    [Fact]
    public async Task ReleaseAsync_SomeoneElsesLease_LeavesItHeld()
    {
        var store = await CreateAsync();
        await store.TryAcquireAsync(Name, "a", Ttl, CancellationToken.None);

        await store.ReleaseAsync(Name, "b", CancellationToken.None);

        Assert.False(await store.TryAcquireAsync(Name, "b", Ttl, CancellationToken.None));
        Assert.True(await store.RenewAsync(Name, "a", Ttl, CancellationToken.None));
    }

    [Fact]
    public async Task ReleaseAsync_FreeLease_Succeeds()
    {
        var store = await CreateAsync();

        await store.ReleaseAsync(Name, "a", CancellationToken.None);

        Assert.True(await store.TryAcquireAsync(Name, "a", Ttl, CancellationToken.None));
    }

    [Fact]
    public async Task TryAcquireAsync_NamesDifferingInOnePart_AreSeparateLeases()
    {
        var store = await CreateAsync();
        string[] names = [Name, Name + "x", Name + ":", Name.Replace('{', '}'), Name.ToUpperInvariant(), ""];

        foreach (var name in names)
        {
            Assert.True(await store.TryAcquireAsync(name, "a", Ttl, CancellationToken.None), name);
        }

        foreach (var name in names)
        {
            Assert.False(await store.TryAcquireAsync(name, "b", Ttl, CancellationToken.None), name);
        }
    }

    [Fact]
    public async Task TryAcquireAsync_TwentyConcurrentOwners_ExactlyOneWins()
    {
        var store = await CreateAsync();
        var go = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var contenders = Enumerable.Range(0, 20)
            .Select(i => Task.Run(async () =>
            {
                await go.Task;
                return await store.TryAcquireAsync(Name, $"owner-{i}", Ttl, CancellationToken.None);
            }))
            .ToArray();

        go.SetResult();

        Assert.Single(await Task.WhenAll(contenders).WaitAsync(TimeSpan.FromSeconds(30)), won => won);
    }

    [Fact]
    public async Task TryAcquireAsync_TtlBelowOneMillisecond_Throws()
    {
        var store = await CreateAsync();

        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(
            () => store.TryAcquireAsync(Name, "a", TimeSpan.Zero, CancellationToken.None));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(
            () => store.RenewAsync(Name, "a", TimeSpan.FromTicks(9_999), CancellationToken.None));
    }
}
