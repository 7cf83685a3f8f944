using System.Collections.Concurrent;
using ChatBotHost.State;

namespace ChatBotHost.Tests.Inbox;

public sealed class InboxWorkersTests
{
    private static readonly TimeSpan Guard = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task Workers_EventsOfOneDialog_RunOneAtATimeInOrder()
    {
        var handled = new ConcurrentQueue<string>();
        var running = 0;
        var overlapped = false;
        var allDone = Signal();
        await using var inbox = new InboxHarness(b => b.OnMessage(async (msg, _, _) =>
        {
            overlapped |= Interlocked.Increment(ref running) > 1;
            await Task.Yield();
            handled.Enqueue(msg.Message.Text);
            Interlocked.Decrement(ref running);
            if (handled.Count == 20)
            {
                allDone.TrySetResult();
            }
        }));
        await inbox.StartAsync();

        for (var i = 1; i <= 20; i++)
        {
            await inbox.SayAsync($"m{i}");
        }

        await allDone.Task.WaitAsync(Guard);
        Assert.Equal(Enumerable.Range(1, 20).Select(i => $"m{i}"), handled);
        Assert.False(overlapped);
    }

    [Fact]
    public async Task Workers_EventOfAnotherDialog_RunsWhileTheFirstDialogsTurnIsStillRunning()
    {
        var firstStarted = Signal();
        var releaseFirst = Signal();
        var secondHandled = Signal();
        await using var inbox = new InboxHarness(b => b
            .OnMessage(async (_, _, _) =>
            {
                firstStarted.TrySetResult();
                await releaseFirst.Task;
            }, m => m.DialogId == "a")
            .OnMessage((_, _, _) =>
            {
                secondHandled.TrySetResult();
                return Task.CompletedTask;
            }));
        await inbox.StartAsync();

        await inbox.SayAsync("first", dialogId: "a");
        await firstStarted.Task.WaitAsync(Guard);
        await inbox.SayAsync("second", dialogId: "b");

        await secondHandled.Task.WaitAsync(Guard);
        // The second turn signals from inside its handler and finishes just after: then only the first still runs.
        await Eventually(() => inbox.Workers.Running == 1, "the second turn to finish while the first still runs");
        releaseFirst.TrySetResult();
    }

    [Fact]
    public async Task Workers_EnqueuedOnThisReplica_RunWithoutTheClockMoving()
    {
        var handled = Signal();
        await using var inbox = new InboxHarness(b => b.OnMessage((_, _, _) =>
        {
            handled.TrySetResult();
            return Task.CompletedTask;
        }));
        await inbox.StartAsync();
        var before = inbox.Clock.GetUtcNow();

        await inbox.SayAsync("hi");

        await handled.Task.WaitAsync(Guard);
        Assert.Equal(before, inbox.Clock.GetUtcNow());
    }

    [Fact]
    public async Task Workers_EventKeepsFailing_RetriedInPlaceThenDeadLetteredAndTheDialogMovesOn()
    {
        var attempts = 0;
        var handled = new ConcurrentQueue<string>();
        await using var inbox = new InboxHarness(
            b => b
                .OnMessage((_, _, _) =>
                {
                    Interlocked.Increment(ref attempts);
                    throw new InvalidOperationException("the printer is on fire");
                }, m => m.Message.Text == "bad")
                .OnMessage((msg, _, _) =>
                {
                    handled.Enqueue(msg.Message.Text);
                    return Task.CompletedTask;
                }),
            o => o.MaxAttempts = 3);
        await inbox.StartAsync();

        await inbox.SayAsync("bad");
        await inbox.SayAsync("after");
        await inbox.AdvanceUntilAsync(() => !handled.IsEmpty, "the event after the failing one");

        Assert.Equal(3, attempts);
        Assert.Equal(["after"], handled);
        var letter = Assert.Single(await inbox.DeadLetters.ListAsync(inbox.Bot.Portal.Key, 10, CancellationToken.None));
        Assert.Equal(DeadLetter.Kinds.Event, letter.Kind);
        Assert.Equal("chat1", letter.DialogId);
        Assert.Contains("the printer is on fire", letter.Reason, StringComparison.Ordinal);
        Assert.Contains("\"attempts\":3", letter.Payload, StringComparison.Ordinal);
        Assert.Equal(0, await inbox.Store.DepthAsync(inbox.Bot.Portal.Key, CancellationToken.None));
    }

    [Fact]
    public async Task Workers_EventFailsOnce_RunsAgainBeforeTheDialogsNextEvent()
    {
        var failed = 0;
        var handled = new ConcurrentQueue<string>();
        await using var inbox = new InboxHarness(b => b.OnMessage((msg, _, _) =>
        {
            if (msg.Message.Text == "flaky" && Interlocked.Increment(ref failed) == 1)
            {
                throw new InvalidOperationException("hiccup");
            }

            handled.Enqueue(msg.Message.Text);
            return Task.CompletedTask;
        }));
        await inbox.StartAsync();

        await inbox.SayAsync("flaky");
        await inbox.SayAsync("next");
        await inbox.AdvanceUntilAsync(() => handled.Count == 2, "both events");

        Assert.Equal(["flaky", "next"], handled);
        Assert.Empty(await inbox.DeadLetters.ListAsync(inbox.Bot.Portal.Key, 10, CancellationToken.None));
    }

    [Fact]
    public async Task StopAsync_TurnRunning_LetsItFinishAndClaimsNothingMore()
    {
        var started = Signal();
        var release = Signal();
        var handled = new ConcurrentQueue<string>();
        await using var inbox = new InboxHarness(b => b.OnMessage(async (msg, _, ct) =>
        {
            if (msg.Message.Text == "long")
            {
                started.TrySetResult();
                await release.Task.WaitAsync(ct);
            }

            handled.Enqueue(msg.Message.Text);
        }));
        await inbox.StartAsync();
        await inbox.SayAsync("long", dialogId: "a");
        await started.Task.WaitAsync(Guard);

        await inbox.BeginStoppingAsync();
        var stopping = inbox.Workers.StopAsync(CancellationToken.None);
        await inbox.SayAsync("late", dialogId: "b");
        Assert.False(stopping.IsCompleted);
        release.TrySetResult();
        await stopping.WaitAsync(Guard);

        Assert.Equal(["long"], handled);
        Assert.Equal(1, await inbox.Store.DepthAsync(inbox.Bot.Portal.Key, CancellationToken.None));
    }

    [Fact]
    public async Task StopAsync_ShutdownTimeoutEnds_CancelsTheTurnAndReleasesItsClaimUncountedAtTheLeaseEnd()
    {
        var started = Signal();
        await using var inbox = new InboxHarness(b => b.OnMessage(async (_, _, ct) =>
        {
            started.TrySetResult();
            await Task.Delay(Timeout.Infinite, ct);
        }));
        await inbox.StartAsync();
        await inbox.SayAsync("endless");
        await started.Task.WaitAsync(Guard);

        using var timeout = new CancellationTokenSource();
        var stopping = inbox.StopAsync(timeout.Token);
        await timeout.CancelAsync();
        await stopping.WaitAsync(Guard);
        await Eventually(() => inbox.Workers.Running == 0, "the cancelled turn to end");

        var portal = inbox.Bot.Portal.Key;
        var lease = TimeSpan.FromSeconds(30);
        var now = inbox.Clock.GetUtcNow();
        Assert.Empty(await inbox.Store.ClaimAsync(portal, now, lease, 10, CancellationToken.None));
        var reclaimed = Assert.Single(await inbox.Store.ClaimAsync(portal, now + lease, lease, 10, CancellationToken.None));
        Assert.Contains("endless", reclaimed.Item.Payload, StringComparison.Ordinal);
        // A stopping host's cancelled turn is not the event's fault: it is not counted as an attempt.
        Assert.Equal((0, 0), (reclaimed.RanOut, reclaimed.Item.Attempts));
    }

    private static TaskCompletionSource Signal() => new(TaskCreationOptions.RunContinuationsAsynchronously);

    private static Task Eventually(Func<bool> condition, string what) => State.Eventually.TrueAsync(condition, what);
}
