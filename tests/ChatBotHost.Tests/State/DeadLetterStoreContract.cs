using ChatBotHost.State;

namespace ChatBotHost.Tests.State;

/// <summary>What every IDeadLetterStore must do; run against each implementation by a subclass.</summary>
public abstract class DeadLetterStoreContract
{
    /// <summary>The capacity the subclass must give the store it creates.</summary>
    protected const int Capacity = 3;

    protected string Portal { get; } = TestPortals.Unique();

    protected abstract Task<IDeadLetterStore> CreateAsync();

    [Fact]
    public async Task AddAsync_Letter_IsListedWithAllItsFieldsAndANewId()
    {
        var store = await CreateAsync();
        var letter = Letter("ACCESS_DENIED: not a member") with { DialogId = "chat{5}" };

        var id = await store.AddAsync(letter, CancellationToken.None);

        var listed = Assert.Single(await store.ListAsync(Portal, 10, CancellationToken.None));
        Assert.False(string.IsNullOrEmpty(id));
        Assert.Equal(letter with { Id = id }, listed);
    }

    [Fact]
    public async Task ListAsync_SeveralLetters_NewestFirstUpToMax()
    {
        var store = await CreateAsync();
        await store.AddAsync(Letter("first"), CancellationToken.None);
        await store.AddAsync(Letter("second"), CancellationToken.None);
        await store.AddAsync(Letter("third"), CancellationToken.None);

        var listed = await store.ListAsync(Portal, 2, CancellationToken.None);

        Assert.Equal(["third", "second"], listed.Select(l => l.Reason));
        Assert.Empty(await store.ListAsync(Portal, 0, CancellationToken.None));
    }

    [Fact]
    public async Task AddAsync_PastCapacity_DropsTheOldest()
    {
        var store = await CreateAsync();

        for (var i = 1; i <= Capacity + 2; i++)
        {
            await store.AddAsync(Letter($"letter {i}"), CancellationToken.None);
        }

        Assert.Equal(Capacity, await store.CountAsync(Portal, CancellationToken.None));
        Assert.Equal(["letter 5", "letter 4", "letter 3"], (await store.ListAsync(Portal, 10, CancellationToken.None)).Select(l => l.Reason));
    }

    [Fact]
    public async Task RemoveAsync_ExistingLetter_RemovesOnlyItOnce()
    {
        var store = await CreateAsync();
        var keep = await store.AddAsync(Letter("keep"), CancellationToken.None);
        var drop = await store.AddAsync(Letter("drop"), CancellationToken.None);

        Assert.True(await store.RemoveAsync(Portal, drop, CancellationToken.None));
        Assert.False(await store.RemoveAsync(Portal, drop, CancellationToken.None));

        var listed = Assert.Single(await store.ListAsync(Portal, 10, CancellationToken.None));
        Assert.Equal(keep, listed.Id);
        Assert.Equal(1, await store.CountAsync(Portal, CancellationToken.None));
    }

    [Fact]
    public async Task AddAsync_OtherPortal_KeepsItsOwnList()
    {
        var store = await CreateAsync();
        var other = TestPortals.Unique();
        await store.AddAsync(Letter("mine"), CancellationToken.None);

        var id = await store.AddAsync(Letter("theirs") with { Portal = other }, CancellationToken.None);

        Assert.Equal(1, await store.CountAsync(Portal, CancellationToken.None));
        Assert.Equal("theirs", Assert.Single(await store.ListAsync(other, 10, CancellationToken.None)).Reason);
        Assert.False(await store.RemoveAsync(Portal, id, CancellationToken.None));
    }

    [Fact]
    public async Task CountAsync_UnknownPortal_IsZero()
    {
        var store = await CreateAsync();

        Assert.Equal(0, await store.CountAsync(TestPortals.Unique(), CancellationToken.None));
        Assert.Empty(await store.ListAsync(TestPortals.Unique(), 10, CancellationToken.None));
    }

    private DeadLetter Letter(string reason) => new()
    {
        Portal = Portal,
        BotCode = "echo",
        Kind = DeadLetter.Kinds.Call,
        Reason = reason,
        At = new DateTimeOffset(2026, 11, 21, 12, 0, 0, TimeSpan.FromHours(3)),
        Payload = """{"method":"imbot.v2.Chat.Message.send","params":{"dialogId":"5"}}""",
    };
}
