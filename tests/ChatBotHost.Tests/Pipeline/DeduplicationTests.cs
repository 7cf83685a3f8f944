using ChatBotHost.Pipeline;

namespace ChatBotHost.Tests.Pipeline;

public sealed class DeduplicationTests
{
    [Fact]
    public async Task ProcessAsync_SameEventTwice_SecondIsDuplicateAndHandlerRunsOnce()
    {
        var runs = 0;
        var bot = PipelineHarness.Bot(b => b.OnMessage((_, _, _) =>
        {
            runs++;
            return Task.CompletedTask;
        }));
        await using var harness = new PipelineHarness();
        var evt = TestEvents.Message("hi");

        var first = await harness.ProcessAsync(bot, evt);
        var second = await harness.ProcessAsync(bot, evt);

        Assert.Equal(TurnOutcome.Handled, first);
        Assert.Equal(TurnOutcome.Duplicate, second);
        Assert.Equal(1, runs);
        Assert.True(await harness.Deduplication.IsHandledAsync(bot.Portal.Key, bot.BotId, evt.DeduplicationKey, CancellationToken.None));
    }

    [Fact]
    public async Task ProcessAsync_HandlerFailed_EventIsNotMarkedAndRedeliveryRunsAgain()
    {
        var runs = 0;
        var bot = PipelineHarness.Bot(b => b.OnMessage((_, _, _) =>
            ++runs == 1 ? throw new InvalidOperationException("first attempt fails") : Task.CompletedTask));
        await using var harness = new PipelineHarness();
        var evt = TestEvents.Message("hi");

        var first = await harness.ProcessAsync(bot, evt);
        var marked = await harness.Deduplication.IsHandledAsync(bot.Portal.Key, bot.BotId, evt.DeduplicationKey, CancellationToken.None);
        var second = await harness.ProcessAsync(bot, evt);

        Assert.Equal(TurnOutcome.Failed, first);
        Assert.False(marked);
        Assert.Equal(TurnOutcome.Handled, second);
        Assert.Equal(2, runs);
    }

    [Fact]
    public async Task ProcessAsync_UnhandledEvent_IsMarkedSoARepeatIsDropped()
    {
        var bot = PipelineHarness.Bot(_ => { });
        await using var harness = new PipelineHarness();
        var evt = TestEvents.Message("hi");

        Assert.Equal(TurnOutcome.Unhandled, await harness.ProcessAsync(bot, evt));
        Assert.Equal(TurnOutcome.Duplicate, await harness.ProcessAsync(bot, evt));
    }
}
