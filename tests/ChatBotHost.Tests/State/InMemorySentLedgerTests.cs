using ChatBotHost.State;
using ChatBotHost.State.InMemory;

namespace ChatBotHost.Tests.State;

public sealed class InMemorySentLedgerTests : SentLedgerContract
{
    private readonly FakeTimeProvider _clock = new();

    protected override Task<ISentLedger> CreateAsync() => Task.FromResult<ISentLedger>(new InMemorySentLedger(_clock));

    [Fact]
    public async Task FindAsync_RetentionPassed_ReturnsNull()
    {
        var ledger = await CreateAsync();
        await ledger.RecordAsync(Portal, "echo", "e:1#1", "1", Retention, CancellationToken.None);

        _clock.Advance(Retention - TimeSpan.FromMilliseconds(1));
        Assert.NotNull(await ledger.FindAsync(Portal, "echo", "e:1#1", CancellationToken.None));
        _clock.Advance(TimeSpan.FromMilliseconds(1));

        Assert.Null(await ledger.FindAsync(Portal, "echo", "e:1#1", CancellationToken.None));
    }
}
