using ChatBotHost.State;
using ChatBotHost.State.InMemory;

namespace ChatBotHost.Tests.State;

public sealed class InMemoryDeduplicationStoreTests : DeduplicationStoreContract
{
    private readonly FakeTimeProvider _clock = new();

    protected override Task<IDeduplicationStore> CreateAsync() =>
        Task.FromResult<IDeduplicationStore>(new InMemoryDeduplicationStore(_clock));

    [Fact]
    public async Task IsHandledAsync_RetentionPassed_ReturnsFalse()
    {
        var store = await CreateAsync();
        await store.MarkHandledAsync(Portal, 7, "message:1", Retention, CancellationToken.None);

        _clock.Advance(Retention - TimeSpan.FromMilliseconds(1));
        Assert.True(await store.IsHandledAsync(Portal, 7, "message:1", CancellationToken.None));
        _clock.Advance(TimeSpan.FromMilliseconds(1));

        Assert.False(await store.IsHandledAsync(Portal, 7, "message:1", CancellationToken.None));
    }

    [Fact]
    public async Task MarkHandledAsync_LaterMarksAfterExpiry_KeepEarlierExpiredMarksGone()
    {
        var store = await CreateAsync();
        await store.MarkHandledAsync(Portal, 7, "old", TimeSpan.FromSeconds(1), CancellationToken.None);
        _clock.Advance(TimeSpan.FromMinutes(2));

        // This mark triggers the sweep of expired entries; the old mark must stay unhandled either way.
        await store.MarkHandledAsync(Portal, 7, "new", Retention, CancellationToken.None);

        Assert.False(await store.IsHandledAsync(Portal, 7, "old", CancellationToken.None));
        Assert.True(await store.IsHandledAsync(Portal, 7, "new", CancellationToken.None));
    }
}
