using ChatBotHost.Bitrix.Entities;
using ChatBotHost.Bitrix.Events;
using ChatBotHost.Pipeline;
using ChatBotHost.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ChatBotHost.Tests.Pipeline;

/// <summary>How loudly an event no route takes is logged: a user's message nobody answers is a warning, a join is not.</summary>
public sealed class RouterLoggingTests
{
    [Fact]
    public async Task ProcessAsync_JoinWithoutJoinHandler_LogsNoWarning()
    {
        using var log = new RecordingLoggerProvider();
        await using var harness = new PipelineHarness(s => s.AddLogging(b => b.AddProvider(log).SetMinimumLevel(LogLevel.Trace)));
        var bot = PipelineHarness.Bot(b => b.OnMessage((_, _, _) => Task.CompletedTask));

        var outcome = await harness.ProcessAsync(bot, new BotJoinedChat { Chat = new Chat { Id = 1, DialogId = "chat1" }, User = new User { Id = 5 } });

        Assert.Equal(TurnOutcome.Unhandled, outcome);
        var router = Assert.Single(log.Entries, e => e.Category.EndsWith("RouterStage", StringComparison.Ordinal));
        Assert.Equal(LogLevel.Debug, router.Level);
        Assert.Contains(BotJoinedChat.WireType, router.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(log.Entries, e => e.Level >= LogLevel.Warning);
    }

    [Fact]
    public async Task ProcessAsync_MessageNobodyHandles_IsLoggedAsWarning()
    {
        using var log = new RecordingLoggerProvider();
        await using var harness = new PipelineHarness(s => s.AddLogging(b => b.AddProvider(log).SetMinimumLevel(LogLevel.Trace)));
        var bot = PipelineHarness.Bot(b => b.Command("help", "Help", (_, _, _) => Task.CompletedTask));

        var outcome = await harness.ProcessAsync(bot, TestEvents.Message("anyone?"));

        Assert.Equal(TurnOutcome.Unhandled, outcome);
        var router = Assert.Single(log.Entries, e => e.Category.EndsWith("RouterStage", StringComparison.Ordinal));
        Assert.Equal(LogLevel.Warning, router.Level);
        Assert.Contains("No handler of bot testbot takes ONIMBOTV2MESSAGEADD", router.Message, StringComparison.Ordinal);
    }
}
