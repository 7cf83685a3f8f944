using ChatBotHost.Pipeline;
using ChatBotHost.State;
using Microsoft.Extensions.DependencyInjection;

namespace ChatBotHost.Tests.Pipeline;

public sealed class TurnStateTests
{
    [Fact]
    public async Task ProcessAsync_HandlerSetsState_NextTurnOfSameDialogSeesItOtherDialogDoesNot()
    {
        var seen = new List<(string Dialog, int Count)>();
        var bot = PipelineHarness.Bot(b => b.OnMessage(async (e, turn, ct) =>
        {
            var count = await turn.State.GetAsync<int>("count", ct);
            seen.Add((e.DialogId!, count));
            turn.State.Set("count", count + 1);
        }));
        await using var harness = new PipelineHarness();

        await harness.ProcessAsync(bot, TestEvents.Message("1", "chat1"));
        await harness.ProcessAsync(bot, TestEvents.Message("2", "chat1"));
        await harness.ProcessAsync(bot, TestEvents.Message("3", "chat2"));

        Assert.Equal([("chat1", 0), ("chat1", 1), ("chat2", 0)], seen);
        var stored = await harness.StateStore.LoadAsync(PipelineHarness.KeyOf(bot, "chat1"), CancellationToken.None);
        Assert.Equal(2, stored!.Version);
        Assert.Contains("\"count\":2", stored.Json, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ProcessAsync_StateSavedByOtherTurnAfterLoad_FailsAndKeepsTheOtherSave()
    {
        const string theirs = """{"owner":"theirs"}""";
        var bot = PipelineHarness.Bot(b => b.OnMessage(async (e, turn, ct) =>
        {
            _ = await turn.State.GetAsync<string>("owner", ct);
            var store = turn.Services.GetRequiredService<IDialogStateStore>();
            Assert.True(await store.TrySaveAsync(PipelineHarness.KeyOf(((TurnContext)turn).HostedBot, e.DialogId!), theirs, 0, ct));
            turn.State.Set("owner", "mine");
        }));
        await using var harness = new PipelineHarness();
        var evt = TestEvents.Message("hi");

        var outcome = await harness.ProcessAsync(bot, evt);

        Assert.Equal(TurnOutcome.Failed, outcome);
        var stored = await harness.StateStore.LoadAsync(PipelineHarness.KeyOf(bot, "chat1"), CancellationToken.None);
        Assert.Equal(theirs, stored!.Json);
        Assert.Equal(1, stored.Version);
        Assert.False(await harness.Deduplication.IsHandledAsync(bot.Portal.Key, bot.BotId, evt.DeduplicationKey, CancellationToken.None));
    }

    [Fact]
    public async Task ProcessAsync_HandlerFails_ItsStateChangesAreNotSaved()
    {
        var bot = PipelineHarness.Bot(b => b.OnMessage((_, turn, _) =>
        {
            turn.State.Set("count", 1);
            throw new InvalidOperationException("boom");
        }));
        await using var harness = new PipelineHarness();

        Assert.Equal(TurnOutcome.Failed, await harness.ProcessAsync(bot, TestEvents.Message("hi")));

        Assert.Null(await harness.StateStore.LoadAsync(PipelineHarness.KeyOf(bot, "chat1"), CancellationToken.None));
    }
}
