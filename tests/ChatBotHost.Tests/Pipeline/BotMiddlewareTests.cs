using ChatBotHost.Pipeline;
using Microsoft.Extensions.DependencyInjection;

namespace ChatBotHost.Tests.Pipeline;

public sealed class BotMiddlewareTests
{
    [Fact]
    public async Task ProcessAsync_TwoMiddlewares_RunInDeclarationOrderAroundTheHandler()
    {
        var log = new TurnLog();
        var bot = PipelineHarness.Bot(b => b
            .Use<OuterMiddleware>()
            .Use<InnerMiddleware>()
            .OnMessage((_, _, _) =>
            {
                log.Add("handler");
                return Task.CompletedTask;
            }));
        await using var harness = new PipelineHarness(s => s.AddSingleton(log));

        var outcome = await harness.ProcessAsync(bot, TestEvents.Message("hi"));

        Assert.Equal(TurnOutcome.Handled, outcome);
        Assert.Equal(["outer:before", "inner:before", "handler", "inner:after", "outer:after"], log.Entries);
    }

    [Fact]
    public async Task ProcessAsync_MiddlewareDoesNotCallNext_HandlerDoesNotRun()
    {
        var log = new TurnLog();
        var bot = PipelineHarness.Bot(b => b
            .Use<StoppingMiddleware>()
            .OnMessage((_, _, _) =>
            {
                log.Add("handler");
                return Task.CompletedTask;
            }));
        await using var harness = new PipelineHarness(s => s.AddSingleton(log));

        var outcome = await harness.ProcessAsync(bot, TestEvents.Message("hi"));

        Assert.NotEqual(TurnOutcome.Handled, outcome);
        Assert.Equal(["stop"], log.Entries);
    }
}
