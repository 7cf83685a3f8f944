using ChatBotHost.State;

namespace ChatBotHost.Tests.State;

/// <summary>What every ISentLedger must do; run against each implementation by a subclass.</summary>
public abstract class SentLedgerContract
{
    protected static readonly TimeSpan Retention = TimeSpan.FromHours(1);

    protected string Portal { get; } = TestPortals.Unique();

    protected abstract Task<ISentLedger> CreateAsync();

    [Fact]
    public async Task FindAsync_NothingRecorded_ReturnsNull()
    {
        var ledger = await CreateAsync();

        Assert.Null(await ledger.FindAsync(Portal, "echo", "e:1#1", CancellationToken.None));
    }

    [Fact]
    public async Task RecordAsync_Result_IsFoundAfterwards()
    {
        var ledger = await CreateAsync();

        await ledger.RecordAsync(Portal, "echo", "e:1#1", """{"id":790}""", Retention, CancellationToken.None);

        Assert.Equal("""{"id":790}""", await ledger.FindAsync(Portal, "echo", "e:1#1", CancellationToken.None));
    }

    [Fact]
    public async Task RecordAsync_Again_KeepsTheNewerResult()
    {
        var ledger = await CreateAsync();
        await ledger.RecordAsync(Portal, "echo", "e:1#1", "1", Retention, CancellationToken.None);

        await ledger.RecordAsync(Portal, "echo", "e:1#1", "2", Retention, CancellationToken.None);

        Assert.Equal("2", await ledger.FindAsync(Portal, "echo", "e:1#1", CancellationToken.None));
    }

    [Fact]
    public async Task RecordAsync_OtherPortalBotOrKey_FindNothing()
    {
        var ledger = await CreateAsync();

        await ledger.RecordAsync(Portal, "echo", "w:{x}:1#1", "1", Retention, CancellationToken.None);

        Assert.Null(await ledger.FindAsync(TestPortals.Unique(), "echo", "w:{x}:1#1", CancellationToken.None));
        Assert.Null(await ledger.FindAsync(Portal, "counter", "w:{x}:1#1", CancellationToken.None));
        Assert.Null(await ledger.FindAsync(Portal, "echo", "w:{x}:1#2", CancellationToken.None));
    }

    [Fact]
    public async Task RecordAsync_RetentionBelowOneMillisecond_Throws()
    {
        var ledger = await CreateAsync();

        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(
            () => ledger.RecordAsync(Portal, "echo", "k", "1", TimeSpan.Zero, CancellationToken.None));
    }
}
