using ChatBotHost.Pipeline;
using ChatBotHost.State;
using ChatBotHost.Tests.State;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace ChatBotHost.Tests.Pipeline;

public sealed class DialogLockStageTests
{
    private static readonly TimeSpan Guard = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task ProcessAsync_DialogLeaseLostDuringHandler_CancelsHandlerAndTurnFails()
    {
        var clock = new FakeTimeProvider();
        ObservedLeaseStore? leases = null;
        var handlerStarted = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var bot = PipelineHarness.Bot(b => b.OnMessage(async (_, _, ct) =>
        {
            handlerStarted.TrySetResult();
            await Task.Delay(Timeout.Infinite, ct);
        }));
        await using var harness = new PipelineHarness(services => services.AddSingleton(sp =>
        {
            leases = new ObservedLeaseStore(sp.GetRequiredService<ILeaseStore>());
            return new LeaseLock(leases, clock, NullLogger<LeaseLock>.Instance);
        }));

        var turn = harness.ProcessAsync(bot, TestEvents.Message("hi", "chat1"));
        await handlerStarted.Task.WaitAsync(Guard);
        leases!.TakenOver = true;
        clock.Advance(DialogLockOptions.Default.LeaseTtl / 3);

        Assert.Equal(TurnOutcome.Failed, await turn.WaitAsync(Guard));
    }

    [Fact]
    public async Task ProcessAsync_TurnFinished_LeavesNoDialogLeaseBehind()
    {
        var bot = PipelineHarness.Bot(b => b.OnMessage((_, _, _) => Task.CompletedTask));
        await using var harness = new PipelineHarness();

        Assert.Equal(TurnOutcome.Handled, await harness.ProcessAsync(bot, TestEvents.Message("hi", "chat1")));

        var name = DialogLocks.NameOf(bot.Portal.Key, bot.Code, "chat1");
        Assert.True(await harness.Leases.TryAcquireAsync(name, "someone", TimeSpan.FromMinutes(1), CancellationToken.None));
    }
}
