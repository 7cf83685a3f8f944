using ChatBotHost.State;

namespace ChatBotHost.Tests.State;

/// <summary>What every IOffsetStore must do; run against each implementation by a subclass.</summary>
public abstract class OffsetStoreContract
{
    protected string Portal { get; } = TestPortals.Unique();

    protected abstract Task<IOffsetStore> CreateAsync();

    [Fact]
    public async Task GetAsync_NeverAdvanced_ReturnsNull()
    {
        var store = await CreateAsync();

        Assert.Null(await store.GetAsync(Portal, "echo", CancellationToken.None));
    }

    [Fact]
    public async Task AdvanceAsync_LargerOffsets_EachIsStored()
    {
        var store = await CreateAsync();

        await store.AdvanceAsync(Portal, "echo", 10, CancellationToken.None);
        Assert.Equal(10, await store.GetAsync(Portal, "echo", CancellationToken.None));
        await store.AdvanceAsync(Portal, "echo", 5_000_000_000, CancellationToken.None);
        Assert.Equal(5_000_000_000, await store.GetAsync(Portal, "echo", CancellationToken.None));
    }

    [Fact]
    public async Task AdvanceAsync_SmallerOffset_KeepsLarger()
    {
        var store = await CreateAsync();
        await store.AdvanceAsync(Portal, "echo", 100, CancellationToken.None);

        await store.AdvanceAsync(Portal, "echo", 99, CancellationToken.None);
        await store.AdvanceAsync(Portal, "echo", 0, CancellationToken.None);

        Assert.Equal(100, await store.GetAsync(Portal, "echo", CancellationToken.None));
    }

    [Fact]
    public async Task AdvanceAsync_ConcurrentWritersInAnyOrder_LeavesLargest()
    {
        var store = await CreateAsync();
        var go = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var offsets = Enumerable.Range(1, 50).Select(i => (long)(i * 37 % 50 + 1)).ToArray();
        var writers = offsets
            .Select(offset => Task.Run(async () =>
            {
                await go.Task;
                await store.AdvanceAsync(Portal, "echo", offset, CancellationToken.None);
            }))
            .ToArray();

        go.SetResult();
        await Task.WhenAll(writers).WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(50, await store.GetAsync(Portal, "echo", CancellationToken.None));
    }

    [Fact]
    public async Task AdvanceAsync_OtherPortalOrBot_IsIsolated()
    {
        var store = await CreateAsync();
        var other = TestPortals.Unique();

        await store.AdvanceAsync(Portal, "echo", 1, CancellationToken.None);
        await store.AdvanceAsync(Portal, "echo:2", 2, CancellationToken.None);
        await store.AdvanceAsync(other, "echo", 3, CancellationToken.None);

        Assert.Equal(1, await store.GetAsync(Portal, "echo", CancellationToken.None));
        Assert.Equal(2, await store.GetAsync(Portal, "echo:2", CancellationToken.None));
        Assert.Equal(3, await store.GetAsync(other, "echo", CancellationToken.None));
        Assert.Null(await store.GetAsync(other, "echo:2", CancellationToken.None));
    }
}
