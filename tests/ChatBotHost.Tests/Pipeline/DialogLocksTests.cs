using ChatBotHost.Pipeline;
using ChatBotHost.State;
using ChatBotHost.State.InMemory;
using ChatBotHost.Tests.State;
using ChatBotHost.Tests.Support;
using Microsoft.Extensions.Logging.Abstractions;

namespace ChatBotHost.Tests.Pipeline;

public sealed class DialogLocksTests
{
    private static readonly TimeSpan Guard = TimeSpan.FromSeconds(10);
    private static readonly string Dialog = DialogLocks.NameOf("p.bitrix24.ru", "echo", "chat1");

    private readonly CountingFakeTimeProvider _clock = new();
    private readonly ObservedLeaseStore _leases;

    public DialogLocksTests()
    {
        _leases = new ObservedLeaseStore(new InMemoryLeaseStore(_clock));
    }

    [Fact]
    public void NameOf_NoDialog_UsesDash()
    {
        Assert.Equal("dialog/p.bitrix24.ru/echo/chat1", Dialog);
        Assert.Equal("dialog/p.bitrix24.ru:8443/echo/-", DialogLocks.NameOf("p.bitrix24.ru:8443", "echo", null));
    }

    [Fact]
    public async Task AcquireAsync_SameDialogInOneProcess_SecondWaitsInProcessWithoutPollingLease()
    {
        var locks = Replica();
        var first = await locks.AcquireAsync(Dialog, heldAcrossReplicas: false, CancellationToken.None);

        var second = locks.AcquireAsync(Dialog, heldAcrossReplicas: false, CancellationToken.None);
        Assert.False(second.IsCompleted);
        // Only the holder's renewal timer runs: the local waiter queues in process and arms no lease retry delay.
        Assert.Equal(1, _clock.ActiveTimerCount);

        await first.DisposeAsync();

        await using var held = await second.WaitAsync(Guard);
    }

    [Fact]
    public async Task AcquireAsync_HeldAcrossReplicasByInboxClaim_TakesNoLeaseButStillQueuesInProcess()
    {
        var locks = Replica();
        // The store would fail any lease call: a turn under an inbox claim must not make one.
        _leases.Unreachable = true;
        var first = await locks.AcquireAsync(Dialog, heldAcrossReplicas: true, CancellationToken.None);

        var second = locks.AcquireAsync(Dialog, heldAcrossReplicas: true, CancellationToken.None);
        Assert.False(second.IsCompleted);
        Assert.False(first.Lost.CanBeCanceled);

        await first.DisposeAsync();
        await using var held = await second.WaitAsync(Guard);
    }

    [Fact]
    public async Task AcquireAsync_SameDialogOnTwoReplicas_SecondWaitsForLease()
    {
        var first = await Replica().AcquireAsync(Dialog, heldAcrossReplicas: false, CancellationToken.None);

        var second = Replica().AcquireAsync(Dialog, heldAcrossReplicas: false, CancellationToken.None);
        Assert.False(second.IsCompleted);

        await first.DisposeAsync();
        _clock.Advance(TimeSpan.FromMilliseconds(10));

        await using var held = await second.WaitAsync(Guard);
    }

    [Fact]
    public async Task AcquireAsync_DifferentDialogs_HeldAtOnce()
    {
        var locks = Replica();
        await using var first = await locks.AcquireAsync(Dialog, heldAcrossReplicas: false, CancellationToken.None);

        var other = locks.AcquireAsync(DialogLocks.NameOf("p.bitrix24.ru", "echo", "chat2"), heldAcrossReplicas: false, CancellationToken.None);
        var noDialog = Replica().AcquireAsync(DialogLocks.NameOf("p.bitrix24.ru", "echo", null), heldAcrossReplicas: false, CancellationToken.None);

        await using var otherHeld = await other.WaitAsync(Guard);
        await using var noDialogHeld = await noDialog.WaitAsync(Guard);
    }

    [Fact]
    public async Task AcquireAsync_CancelledWhileWaitingForLease_FreesInProcessLockForNextWaiter()
    {
        var locks = Replica();
        var otherReplica = await Replica().AcquireAsync(Dialog, heldAcrossReplicas: false, CancellationToken.None);
        using var cancel = new CancellationTokenSource();
        var cancelled = locks.AcquireAsync(Dialog, heldAcrossReplicas: false, cancel.Token);

        await cancel.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => cancelled.WaitAsync(Guard));
        await otherReplica.DisposeAsync();

        await using var held = await locks.AcquireAsync(Dialog, heldAcrossReplicas: false, CancellationToken.None).WaitAsync(Guard);
    }

    [Fact]
    public async Task AcquireAsync_LeaseTakenOver_HandleLostIsCancelled()
    {
        await using var held = await Replica().AcquireAsync(Dialog, heldAcrossReplicas: false, CancellationToken.None);
        _leases.TakenOver = true;

        _clock.Advance(DialogLockOptions.Default.LeaseTtl / 3);

        await Eventually.TrueAsync(() => held.Lost.IsCancellationRequested, "the dialog lock counted as lost");
    }

    [Fact]
    public async Task DisposeAsync_Held_ReleasesLeaseAndInProcessLock()
    {
        var locks = Replica();
        var held = await locks.AcquireAsync(Dialog, heldAcrossReplicas: false, CancellationToken.None);

        await held.DisposeAsync();

        Assert.True(await _leases.TryAcquireAsync(Dialog, "someone", TimeSpan.FromMinutes(1), CancellationToken.None));
        await _leases.ReleaseAsync(Dialog, "someone", CancellationToken.None);
        await using var again = await locks.AcquireAsync(Dialog, heldAcrossReplicas: false, CancellationToken.None).WaitAsync(Guard);
    }

    // One host replica: its own in-process locks and lease lock, sharing the lease store with the other replicas.
    private DialogLocks Replica() =>
        new(new InProcessLocks(), new LeaseLock(_leases, _clock, NullLogger<LeaseLock>.Instance), DialogLockOptions.Default);
}
