using ChatBotHost.State;
using ChatBotHost.State.InMemory;

namespace ChatBotHost.Tests.State;

public sealed class InMemoryDialogStateStoreTests : DialogStateStoreContract
{
    private static readonly TimeSpan Retention = TimeSpan.FromDays(30);
    private readonly FakeTimeProvider _clock = new();

    protected override Task<IDialogStateStore> CreateAsync() =>
        Task.FromResult<IDialogStateStore>(new InMemoryDialogStateStore(_clock, Retention));

    [Fact]
    public async Task LoadAsync_RetentionPassedSinceLastSave_ReturnsNullAndNextSaveExpectsZero()
    {
        var store = await CreateAsync();
        await store.TrySaveAsync(Key(), "{}", 0, CancellationToken.None);

        _clock.Advance(Retention - TimeSpan.FromSeconds(1));
        Assert.NotNull(await store.LoadAsync(Key(), CancellationToken.None));
        _clock.Advance(TimeSpan.FromSeconds(1));

        Assert.Null(await store.LoadAsync(Key(), CancellationToken.None));
        Assert.True(await store.TrySaveAsync(Key(), "{}", 0, CancellationToken.None));
    }

    [Fact]
    public async Task TrySaveAsync_SaveBeforeExpiry_RestartsRetention()
    {
        var store = await CreateAsync();
        await store.TrySaveAsync(Key(), "{}", 0, CancellationToken.None);
        _clock.Advance(Retention - TimeSpan.FromDays(1));

        await store.TrySaveAsync(Key(), "{}", 1, CancellationToken.None);
        _clock.Advance(TimeSpan.FromDays(2));

        Assert.Equal(2, (await store.LoadAsync(Key(), CancellationToken.None))!.Version);
    }
}
