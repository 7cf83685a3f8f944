using ChatBotHost.Pipeline;
using ChatBotHost.State;
using ChatBotHost.State.InMemory;

namespace ChatBotHost.Tests.Pipeline;

public sealed class DialogStateBagTests
{
    private static readonly DialogKey Key = new("portal.test", 7, "chat1");
    private readonly InMemoryDialogStateStore _store = new();

    [Fact]
    public async Task GetAsync_MissingName_ReturnsDefault()
    {
        var bag = new DialogStateBag(_store, Key);

        Assert.Equal(0, await bag.GetAsync<int>("count", CancellationToken.None));
        Assert.Null(await bag.GetAsync<string>("name", CancellationToken.None));
    }

    [Fact]
    public async Task CommitAsync_SetWithoutGet_MergesWithStoredValues()
    {
        await _store.TrySaveAsync(Key, """{"kept":"yes","count":1}""", 0, CancellationToken.None);
        var bag = new DialogStateBag(_store, Key);

        bag.Set("count", 2);
        await bag.CommitAsync(CancellationToken.None);

        var reread = new DialogStateBag(_store, Key);
        Assert.Equal("yes", await reread.GetAsync<string>("kept", CancellationToken.None));
        Assert.Equal(2, await reread.GetAsync<int>("count", CancellationToken.None));
        Assert.Equal(2, (await _store.LoadAsync(Key, CancellationToken.None))!.Version);
    }

    [Fact]
    public async Task GetAsync_AfterSetInSameTurn_SeesTheNewValue()
    {
        await _store.TrySaveAsync(Key, """{"count":1}""", 0, CancellationToken.None);
        var bag = new DialogStateBag(_store, Key);

        bag.Set("count", 5);

        Assert.Equal(5, await bag.GetAsync<int>("count", CancellationToken.None));
    }

    [Fact]
    public async Task CommitAsync_Remove_DeletesTheNameAndKeepsOthers()
    {
        await _store.TrySaveAsync(Key, """{"a":1,"b":2}""", 0, CancellationToken.None);
        var bag = new DialogStateBag(_store, Key);

        bag.Remove("a");
        Assert.Equal(0, await bag.GetAsync<int>("a", CancellationToken.None));
        await bag.CommitAsync(CancellationToken.None);

        var reread = new DialogStateBag(_store, Key);
        Assert.Equal(0, await reread.GetAsync<int>("a", CancellationToken.None));
        Assert.Equal(2, await reread.GetAsync<int>("b", CancellationToken.None));
    }

    [Fact]
    public async Task CommitAsync_NoChanges_DoesNotSave()
    {
        await _store.TrySaveAsync(Key, """{"a":1}""", 0, CancellationToken.None);
        var bag = new DialogStateBag(_store, Key);

        _ = await bag.GetAsync<int>("a", CancellationToken.None);
        await bag.CommitAsync(CancellationToken.None);

        Assert.Equal(1, (await _store.LoadAsync(Key, CancellationToken.None))!.Version);
    }

    [Fact]
    public async Task CommitAsync_TwiceInOneTurn_SecondSaveUsesTheNewVersion()
    {
        var bag = new DialogStateBag(_store, Key);

        bag.Set("a", 1);
        await bag.CommitAsync(CancellationToken.None);
        bag.Set("a", 2);
        await bag.CommitAsync(CancellationToken.None);

        var stored = await _store.LoadAsync(Key, CancellationToken.None);
        Assert.Equal(2, stored!.Version);
        Assert.Equal("""{"a":2}""", stored.Json);
    }

    [Fact]
    public async Task CommitAsync_StoreChangedAfterLoad_ThrowsConflictAndKeepsTheOtherSave()
    {
        var bag = new DialogStateBag(_store, Key);
        _ = await bag.GetAsync<int>("a", CancellationToken.None);
        await _store.TrySaveAsync(Key, """{"a":9}""", 0, CancellationToken.None);

        bag.Set("a", 1);

        await Assert.ThrowsAsync<DialogStateConflictException>(() => bag.CommitAsync(CancellationToken.None));
        Assert.Equal("""{"a":9}""", (await _store.LoadAsync(Key, CancellationToken.None))!.Json);
    }
}
