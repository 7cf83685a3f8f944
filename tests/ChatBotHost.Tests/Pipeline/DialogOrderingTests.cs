using ChatBotHost.Pipeline;

namespace ChatBotHost.Tests.Pipeline;

public sealed class DialogOrderingTests
{
    private static readonly TimeSpan Guard = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task ProcessAsync_TwoEventsOfOneDialog_SecondHandlerStartsOnlyAfterFirstFinished()
    {
        var firstStarted = Signal();
        var releaseFirst = Signal();
        var secondStarted = Signal();
        var bot = PipelineHarness.Bot(b => b
            .OnMessage(async (_, _, _) =>
            {
                firstStarted.TrySetResult();
                await releaseFirst.Task;
            }, m => m.Message.Text == "first")
            .OnMessage((_, _, _) =>
            {
                secondStarted.TrySetResult();
                return Task.CompletedTask;
            }));
        await using var harness = new PipelineHarness();

        var first = harness.ProcessAsync(bot, TestEvents.Message("first", "chat1"));
        await firstStarted.Task.WaitAsync(Guard);
        // The in-memory stores complete synchronously, so an unblocked second turn would have reached its handler
        // before ProcessAsync returned; not having started means it waits for the dialog's lock.
        var second = harness.ProcessAsync(bot, TestEvents.Message("second", "chat1"));
        await Task.Yield();
        Assert.False(secondStarted.Task.IsCompleted);
        Assert.False(second.IsCompleted);

        releaseFirst.TrySetResult();

        Assert.Equal(TurnOutcome.Handled, await first.WaitAsync(Guard));
        Assert.Equal(TurnOutcome.Handled, await second.WaitAsync(Guard));
        Assert.True(secondStarted.Task.IsCompleted);
    }

    [Fact]
    public async Task ProcessAsync_EventsOfTwoDialogs_RunConcurrently()
    {
        var firstStarted = Signal();
        var releaseFirst = Signal();
        var secondStarted = Signal();
        var bot = PipelineHarness.Bot(b => b
            .OnMessage(async (_, _, _) =>
            {
                firstStarted.TrySetResult();
                await releaseFirst.Task;
            }, m => m.DialogId == "chat1")
            .OnMessage((_, _, _) =>
            {
                secondStarted.TrySetResult();
                return Task.CompletedTask;
            }));
        await using var harness = new PipelineHarness();

        var first = harness.ProcessAsync(bot, TestEvents.Message("a", "chat1"));
        await firstStarted.Task.WaitAsync(Guard);
        var second = harness.ProcessAsync(bot, TestEvents.Message("b", "chat2"));

        // The second dialog's turn completes while the first dialog's handler is still held.
        Assert.Equal(TurnOutcome.Handled, await second.WaitAsync(Guard));
        Assert.False(first.IsCompleted);

        releaseFirst.TrySetResult();
        Assert.Equal(TurnOutcome.Handled, await first.WaitAsync(Guard));
    }

    [Fact]
    public async Task ProcessAsync_ManyEventsOfOneDialogAtOnce_NeverOverlapAndAllStateUpdatesSurvive()
    {
        var inFlight = 0;
        var maxInFlight = 0;
        var bot = PipelineHarness.Bot(b => b.OnMessage(async (_, turn, ct) =>
        {
            var now = Interlocked.Increment(ref inFlight);
            InterlockedMax(ref maxInFlight, now);
            var count = await turn.State.GetAsync<int>("count", ct);
            await Task.Yield();
            turn.State.Set("count", count + 1);
            Interlocked.Decrement(ref inFlight);
        }));
        await using var harness = new PipelineHarness();

        var outcomes = await Task.WhenAll(Enumerable.Range(0, 20)
            .Select(i => Task.Run(() => harness.ProcessAsync(bot, TestEvents.Message($"m{i}", "chat1")))))
            .WaitAsync(Guard);

        Assert.All(outcomes, o => Assert.Equal(TurnOutcome.Handled, o));
        Assert.Equal(1, maxInFlight);
        var stored = await harness.StateStore.LoadAsync(PipelineHarness.KeyOf(bot, "chat1"), CancellationToken.None);
        Assert.Contains("\"count\":20", stored!.Json, StringComparison.Ordinal);
    }

    private static TaskCompletionSource Signal() => new(TaskCreationOptions.RunContinuationsAsynchronously);

    private static void InterlockedMax(ref int target, int value)
    {
        int current;
        while ((current = Volatile.Read(ref target)) < value && Interlocked.CompareExchange(ref target, value, current) != current)
        {
        }
    }
}
