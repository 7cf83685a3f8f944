using ChatBotHost.State;

namespace ChatBotHost.Tests.State;

/// <summary>What every IDialogStateStore must do; run against each implementation by a subclass.</summary>
public abstract class DialogStateStoreContract
{
    protected string Portal { get; } = TestPortals.Unique();

    protected abstract Task<IDialogStateStore> CreateAsync();

    protected DialogKey Key(string dialogId = "chat42", int botId = 7) => new(Portal, botId, dialogId);

    [Fact]
    public async Task LoadAsync_NothingSaved_ReturnsNull()
    {
        var store = await CreateAsync();

        Assert.Null(await store.LoadAsync(Key(), CancellationToken.None));
    }

    [Fact]
    public async Task TrySaveAsync_FirstSaveExpectingZero_StoresVersionOne()
    {
        var store = await CreateAsync();

        Assert.True(await store.TrySaveAsync(Key(), """{"step":"ask-name"}""", 0, CancellationToken.None));

        Assert.Equal(new VersionedState("""{"step":"ask-name"}""", 1), await store.LoadAsync(Key(), CancellationToken.None));
    }

    [Fact]
    public async Task TrySaveAsync_FirstSaveExpectingOne_ReturnsFalseAndStoresNothing()
    {
        var store = await CreateAsync();

        Assert.False(await store.TrySaveAsync(Key(), "{}", 1, CancellationToken.None));

        Assert.Null(await store.LoadAsync(Key(), CancellationToken.None));
    }

    [Fact]
    public async Task TrySaveAsync_StaleExpectedVersion_ReturnsFalseAndKeepsDocument()
    {
        var store = await CreateAsync();
        await store.TrySaveAsync(Key(), """{"n":1}""", 0, CancellationToken.None);
        await store.TrySaveAsync(Key(), """{"n":2}""", 1, CancellationToken.None);

        Assert.False(await store.TrySaveAsync(Key(), """{"n":"lost"}""", 1, CancellationToken.None));

        Assert.Equal(new VersionedState("""{"n":2}""", 2), await store.LoadAsync(Key(), CancellationToken.None));
    }

    [Fact]
    public async Task TrySaveAsync_SuccessiveSaves_IncreaseVersionByOne()
    {
        var store = await CreateAsync();

        for (var expected = 0L; expected < 5; expected++)
        {
            Assert.True(await store.TrySaveAsync(Key(), $$"""{"n":{{expected}}}""", expected, CancellationToken.None));
            Assert.Equal(expected + 1, (await store.LoadAsync(Key(), CancellationToken.None))!.Version);
        }
    }

    [Fact]
    public async Task TrySaveAsync_JsonWithUnicodeAndQuotes_LoadsByteForByte()
    {
        var store = await CreateAsync();
        var json = "{\"text\":\"Привет, \\\"мир\\\" 👋\\n\",\"big\":\"" + new string('x', 100_000) + "\"}";

        await store.TrySaveAsync(Key(), json, 0, CancellationToken.None);

        Assert.Equal(json, (await store.LoadAsync(Key(), CancellationToken.None))!.Json);
    }

    [Fact]
    public async Task DeleteAsync_SavedDialog_LoadsNullAndNextSaveExpectsZero()
    {
        var store = await CreateAsync();
        await store.TrySaveAsync(Key(), "{}", 0, CancellationToken.None);
        await store.TrySaveAsync(Key(), "{}", 1, CancellationToken.None);

        await store.DeleteAsync(Key(), CancellationToken.None);

        Assert.Null(await store.LoadAsync(Key(), CancellationToken.None));
        Assert.False(await store.TrySaveAsync(Key(), "{}", 2, CancellationToken.None));
        Assert.True(await store.TrySaveAsync(Key(), "{}", 0, CancellationToken.None));
    }

    [Fact]
    public async Task DeleteAsync_NothingSaved_Succeeds()
    {
        var store = await CreateAsync();

        await store.DeleteAsync(Key(), CancellationToken.None);

        Assert.Null(await store.LoadAsync(Key(), CancellationToken.None));
    }

    [Fact]
    public async Task TrySaveAsync_TwentyConcurrentWritersWithSameVersion_ExactlyOneWins()
    {
        var store = await CreateAsync();
        await store.TrySaveAsync(Key(), "start", 0, CancellationToken.None);
        var go = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var writers = Enumerable.Range(0, 20)
            .Select(i => Task.Run(async () =>
            {
                await go.Task;
                return (Writer: i, Won: await store.TrySaveAsync(Key(), $"writer-{i}", 1, CancellationToken.None));
            }))
            .ToArray();

        go.SetResult();
        var results = await Task.WhenAll(writers).WaitAsync(TimeSpan.FromSeconds(30));

        var winner = Assert.Single(results, result => result.Won);
        Assert.Equal(new VersionedState($"writer-{winner.Writer}", 2), await store.LoadAsync(Key(), CancellationToken.None));
    }

    [Fact]
    public async Task TrySaveAsync_KeysDifferingInOnePart_AreIsolated()
    {
        var store = await CreateAsync();
        var other = TestPortals.Unique();
        // Pairs that would collide if parts were joined with ':' unescaped, e.g. ("p:1", 2, "d") vs ("p", 1, "2:d").
        DialogKey[] keys =
        [
            new(Portal, 1, "chat1"), new(other, 1, "chat1"), new(Portal, 2, "chat1"), new(Portal, 1, "chat2"),
            new(Portal + ":1", 2, "d"), new(Portal, 1, "2:d"),
            new(Portal, 1, "a:b"), new(Portal, 1, "a%3Ab"), new(Portal, 1, "a"),
            new(Portal, 1, "{x}"), new(Portal, 1, "x}"), new(Portal, 1, "}:{"), new(Portal, 1, "1:2}{3"), new(Portal, 1, ""),
        ];

        for (var i = 0; i < keys.Length; i++)
        {
            Assert.True(await store.TrySaveAsync(keys[i], $"doc-{i}", 0, CancellationToken.None), $"first save of {keys[i]}");
        }

        for (var i = 0; i < keys.Length; i++)
        {
            Assert.Equal(new VersionedState($"doc-{i}", 1), await store.LoadAsync(keys[i], CancellationToken.None));
        }
    }

    [Fact]
    public async Task TrySaveAsync_NegativeExpectedVersion_Throws()
    {
        var store = await CreateAsync();

        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(
            () => store.TrySaveAsync(Key(), "{}", -1, CancellationToken.None));
    }
}
