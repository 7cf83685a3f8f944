using ChatBotHost.State;
using ChatBotHost.State.InMemory;
using ChatBotHost.Tests.Support;
using Microsoft.Extensions.Logging.Abstractions;

namespace ChatBotHost.Tests.State;

public sealed class LeaseLockTests
{
    private const string Name = "dialog/p/echo/chat1";
    private static readonly TimeSpan Ttl = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan Guard = TimeSpan.FromSeconds(10);

    private readonly CountingFakeTimeProvider _clock = new();
    private readonly ObservedLeaseStore _store;
    private readonly LeaseLock _lock;

    public LeaseLockTests()
    {
        _store = new ObservedLeaseStore(new InMemoryLeaseStore(_clock));
        _lock = new LeaseLock(_store, _clock, NullLogger<LeaseLock>.Instance);
    }

    [Fact]
    public async Task AcquireAsync_FreeLease_HoldsItUntilDisposed()
    {
        var held = await _lock.AcquireAsync(Name, Ttl, CancellationToken.None);
        Assert.False(await _store.TryAcquireAsync(Name, "intruder", Ttl, CancellationToken.None));

        await held.DisposeAsync();

        Assert.True(await _store.TryAcquireAsync(Name, "intruder", Ttl, CancellationToken.None));
    }

    [Fact]
    public async Task AcquireAsync_TwoAcquisitionsInOneProcess_GetDifferentOwners()
    {
        await using var first = await _lock.AcquireAsync(Name, Ttl, CancellationToken.None);
        await using var second = await _lock.AcquireAsync(Name + "/other", Ttl, CancellationToken.None);

        Assert.NotEqual(first.Owner, second.Owner);
        Assert.Contains(Environment.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture), first.Owner, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AcquireAsync_LeaseHeldInSameProcess_WaitsUntilReleased()
    {
        var first = await _lock.AcquireAsync(Name, Ttl, CancellationToken.None);

        // The in-memory store answers synchronously, so the waiter has polled once and armed its retry delay by now.
        var second = _lock.AcquireAsync(Name, Ttl, CancellationToken.None);
        Assert.False(second.IsCompleted);

        await first.DisposeAsync();
        _clock.Advance(TimeSpan.FromMilliseconds(10));

        await using var held = await second.WaitAsync(Guard);
        Assert.NotEqual(first.Owner, held.Owner);
    }

    [Fact]
    public async Task AcquireAsync_CancelledWhileWaiting_ThrowsAndLeavesLeaseToHolder()
    {
        await using var first = await _lock.AcquireAsync(Name, Ttl, CancellationToken.None);
        using var cancel = new CancellationTokenSource();
        var second = _lock.AcquireAsync(Name, Ttl, cancel.Token);

        await cancel.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => second.WaitAsync(Guard));
        Assert.False(await _store.TryAcquireAsync(Name, "intruder", Ttl, CancellationToken.None));
    }

    [Fact]
    public async Task Handle_HeldPastItsTtl_IsRenewedEveryThirdOfTtl()
    {
        await using var held = await _lock.AcquireAsync(Name, Ttl, CancellationToken.None);

        _clock.Advance(Ttl / 3);
        await Eventually.TrueAsync(() => _store.Renewals == 1, "the first renewal");
        _clock.Advance(Ttl * 0.9);

        // Without that renewal the lease would have expired at Ttl.
        Assert.False(await _store.TryAcquireAsync(Name, "intruder", Ttl, CancellationToken.None));
        Assert.False(held.Lost.IsCancellationRequested);
    }

    [Fact]
    public async Task Handle_LeaseTakenOverByAnotherOwner_CancelsLostAndDisposeLeavesNewOwnerAlone()
    {
        var held = await _lock.AcquireAsync(Name, Ttl, CancellationToken.None);
        // Stands in for an expiry the holder did not notice (a long GC pause), followed by another replica's take-over.
        await _store.ReleaseAsync(Name, held.Owner, CancellationToken.None);
        await _store.TryAcquireAsync(Name, "replica-2", Ttl, CancellationToken.None);

        _clock.Advance(Ttl / 3);

        await Eventually.TrueAsync(() => held.Lost.IsCancellationRequested, "the lease counted as lost");
        await held.DisposeAsync();
        Assert.False(await _store.TryAcquireAsync(Name, "intruder", Ttl, CancellationToken.None));
        Assert.True(await _store.RenewAsync(Name, "replica-2", Ttl, CancellationToken.None));
    }

    [Fact]
    public async Task Handle_StoreUnreachable_KeepsTryingAndCancelsLostWhenTtlRunsOut()
    {
        await using var held = await _lock.AcquireAsync(Name, Ttl, CancellationToken.None);
        _store.Unreachable = true;

        _clock.Advance(Ttl / 3);
        await Eventually.TrueAsync(() => _store.Renewals == 1 && _clock.ActiveTimerCount == 1, "the first failed renewal");
        _clock.Advance(Ttl / 3);
        await Eventually.TrueAsync(() => _store.Renewals == 2 && _clock.ActiveTimerCount == 1, "the second failed renewal");
        Assert.False(held.Lost.IsCancellationRequested);

        _clock.Advance(Ttl / 3);

        await Eventually.TrueAsync(() => held.Lost.IsCancellationRequested, "the lease counted as lost");
        // At the ttl the store has expired the lease: there is nothing left to renew.
        Assert.Equal(2, _store.Renewals);
    }

    [Fact]
    public async Task Handle_RenewalUnansweredUntilTtl_CancelsLost()
    {
        await using var held = await _lock.AcquireAsync(Name, Ttl, CancellationToken.None);
        _store.Hanging = true;
        _clock.Advance(Ttl / 3);
        await Eventually.TrueAsync(() => _store.Renewals == 1 && _clock.ActiveTimerCount == 1, "the renewal that hangs");

        _clock.Advance(Ttl - (Ttl / 3) - TimeSpan.FromMilliseconds(1));
        Assert.False(held.Lost.IsCancellationRequested);
        _clock.Advance(TimeSpan.FromMilliseconds(1));

        await Eventually.TrueAsync(() => held.Lost.IsCancellationRequested, "the lease counted as lost");
    }

    [Fact]
    public async Task Handle_StoreBackBeforeTtlPassed_KeepsLease()
    {
        await using var held = await _lock.AcquireAsync(Name, Ttl, CancellationToken.None);
        _store.Unreachable = true;
        _clock.Advance(Ttl / 3);
        await Eventually.TrueAsync(() => _store.Renewals == 1 && _clock.ActiveTimerCount == 1, "the failed renewal");
        _store.Unreachable = false;

        _clock.Advance(Ttl / 3);
        await Eventually.TrueAsync(() => _store.Renewals == 2 && _clock.ActiveTimerCount == 1, "the renewal after recovery");
        _clock.Advance(Ttl / 3);
        await Eventually.TrueAsync(() => _store.Renewals == 3 && _clock.ActiveTimerCount == 1, "the next renewal");

        Assert.False(held.Lost.IsCancellationRequested);
        Assert.False(await _store.TryAcquireAsync(Name, "intruder", Ttl, CancellationToken.None));
    }

    [Fact]
    public async Task DisposeAsync_Twice_ReleasesOnceAndStopsRenewing()
    {
        var held = await _lock.AcquireAsync(Name, Ttl, CancellationToken.None);

        await held.DisposeAsync();
        await held.DisposeAsync();
        _clock.Advance(Ttl);

        Assert.Equal(0, _store.Renewals);
        Assert.Equal(0, _clock.ActiveTimerCount);
    }
}
