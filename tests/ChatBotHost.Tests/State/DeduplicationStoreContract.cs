using ChatBotHost.State;

namespace ChatBotHost.Tests.State;

/// <summary>What every IDeduplicationStore must do; run against each implementation by a subclass.</summary>
public abstract class DeduplicationStoreContract
{
    protected static readonly TimeSpan Retention = TimeSpan.FromHours(1);

    protected string Portal { get; } = TestPortals.Unique();

    protected abstract Task<IDeduplicationStore> CreateAsync();

    [Fact]
    public async Task IsHandledAsync_NeverMarked_ReturnsFalse()
    {
        var store = await CreateAsync();

        Assert.False(await store.IsHandledAsync(Portal, 7, "message:1", CancellationToken.None));
    }

    [Fact]
    public async Task MarkHandledAsync_Event_IsHandledAfterwards()
    {
        var store = await CreateAsync();

        await store.MarkHandledAsync(Portal, 7, "message:1", Retention, CancellationToken.None);

        Assert.True(await store.IsHandledAsync(Portal, 7, "message:1", CancellationToken.None));
    }

    [Fact]
    public async Task MarkHandledAsync_Twice_StaysHandled()
    {
        var store = await CreateAsync();

        await store.MarkHandledAsync(Portal, 7, "message:1", Retention, CancellationToken.None);
        await store.MarkHandledAsync(Portal, 7, "message:1", Retention, CancellationToken.None);

        Assert.True(await store.IsHandledAsync(Portal, 7, "message:1", CancellationToken.None));
    }

    [Fact]
    public async Task MarkHandledAsync_OtherPortalBotOrEvent_StayUnhandled()
    {
        var store = await CreateAsync();

        await store.MarkHandledAsync(Portal, 7, "message:{1}", Retention, CancellationToken.None);

        Assert.False(await store.IsHandledAsync(TestPortals.Unique(), 7, "message:{1}", CancellationToken.None));
        Assert.False(await store.IsHandledAsync(Portal, 8, "message:{1}", CancellationToken.None));
        Assert.False(await store.IsHandledAsync(Portal, 7, "message:{2}", CancellationToken.None));
        Assert.False(await store.IsHandledAsync(Portal, 7, "message", CancellationToken.None));
    }

    [Fact]
    public async Task MarkHandledAsync_RetentionBelowOneMillisecond_Throws()
    {
        var store = await CreateAsync();

        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(
            () => store.MarkHandledAsync(Portal, 7, "message:1", TimeSpan.Zero, CancellationToken.None));
    }
}
