using ChatBotHost.Bitrix.Events;
using ChatBotHost.Pipeline;

namespace ChatBotHost.Tests.Pipeline;

public sealed class RouterTests
{
    [Fact]
    public async Task ProcessAsync_TwoRoutesMatch_OnlyTheFirstDeclaredRuns()
    {
        var ran = new List<string>();
        var bot = PipelineHarness.Bot(b => b
            .OnMessage((_, _, _) => Record(ran, "first"))
            .OnMessage((_, _, _) => Record(ran, "second")));
        await using var harness = new PipelineHarness();

        var outcome = await harness.ProcessAsync(bot, TestEvents.Message("hi"));

        Assert.Equal(TurnOutcome.Handled, outcome);
        Assert.Equal(["first"], ran);
    }

    [Fact]
    public async Task ProcessAsync_UpperCaseCommand_MatchesLowerCaseRouteAndNotTheMessageRoute()
    {
        var ran = new List<string>();
        var bot = PipelineHarness.Bot(b => b
            .Command("help", "Help", (_, _, _) => Record(ran, "help"))
            .Command("start", "Start", (_, _, _) => Record(ran, "start"))
            .OnMessage((_, _, _) => Record(ran, "message")));
        await using var harness = new PipelineHarness();

        var outcome = await harness.ProcessAsync(bot, TestEvents.Command("/HELP"));

        Assert.Equal(TurnOutcome.Handled, outcome);
        Assert.Equal(["help"], ran);
    }

    [Fact]
    public async Task ProcessAsync_WhenPredicateRejects_NextRouteTakesTheMessage()
    {
        var ran = new List<string>();
        var bot = PipelineHarness.Bot(b => b
            .OnMessage((_, _, _) => Record(ran, "ping"), m => m.Message.Text == "ping")
            .OnMessage((_, _, _) => Record(ran, "other")));
        await using var harness = new PipelineHarness();

        await harness.ProcessAsync(bot, TestEvents.Message("hello"));
        await harness.ProcessAsync(bot, TestEvents.Message("ping"));

        Assert.Equal(["other", "ping"], ran);
    }

    [Fact]
    public async Task ProcessAsync_MessageUpdated_DoesNotMatchOnMessageButMatchesItsOwnType()
    {
        var ran = new List<string>();
        var bot = PipelineHarness.Bot(b => b
            .OnMessage((_, _, _) => Record(ran, "message"))
            .On<MessageUpdated>((_, _, _) => Record(ran, "edit")));
        await using var harness = new PipelineHarness();

        var outcome = await harness.ProcessAsync(bot, TestEvents.Edit("changed"));

        Assert.Equal(TurnOutcome.Handled, outcome);
        Assert.Equal(["edit"], ran);
    }

    [Fact]
    public async Task ProcessAsync_NoRouteMatches_IsUnhandledAndRunsNoHandler()
    {
        var ran = new List<string>();
        var bot = PipelineHarness.Bot(b => b.OnMessage((_, _, _) => Record(ran, "message")));
        await using var harness = new PipelineHarness();

        var outcome = await harness.ProcessAsync(bot, TestEvents.Edit("changed"));

        Assert.Equal(TurnOutcome.Unhandled, outcome);
        Assert.Empty(ran);
    }

    [Fact]
    public async Task ProcessAsync_HandlerThrows_IsFailedAndDoesNotThrow()
    {
        var bot = PipelineHarness.Bot(b => b.OnMessage((_, _, _) => throw new InvalidOperationException("boom")));
        await using var harness = new PipelineHarness();

        var outcome = await harness.ProcessAsync(bot, TestEvents.Message("hi"));

        Assert.Equal(TurnOutcome.Failed, outcome);
    }

    private static Task Record(List<string> ran, string name)
    {
        lock (ran)
        {
            ran.Add(name);
        }

        return Task.CompletedTask;
    }
}
