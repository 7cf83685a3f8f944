using ChatBotHost.Abstractions.Timers;
using ChatBotHost.Bitrix.Events;
using ChatBotHost.Operations.Metrics;
using ChatBotHost.Tests.Operations.Metrics;

namespace ChatBotHost.Tests.Operations;

/// <summary>The type label takes the known event types and one "other", whatever a sender invents.</summary>
public sealed class EventTypeLabelTests
{
    [Theory]
    [InlineData(MessageAdded.WireType)]
    [InlineData(MessageUpdated.WireType)]
    [InlineData(MessageDeleted.WireType)]
    [InlineData(CommandInvoked.WireType)]
    [InlineData(BotJoinedChat.WireType)]
    [InlineData(BotDeleted.WireType)]
    [InlineData(ContextRequested.WireType)]
    [InlineData(ReactionChanged.WireType)]
    [InlineData(TimerFired.WireType)]
    [InlineData(MethodConfirmDecided.WireType)]
    public void Of_KnownType_IsTheTypeItself(string type) => Assert.Equal(type, EventTypeLabel.Of(type));

    [Theory]
    [InlineData("ONIMBOTV2INVENTED")]
    [InlineData("onimbotv2messageadd")]
    [InlineData("")]
    [InlineData(null)]
    public void Of_AnythingElse_IsOther(string? type) => Assert.Equal(EventTypeLabel.Other, EventTypeLabel.Of(type));

    [Fact]
    public async Task EventReceived_ManyInventedTypes_AddOneOtherSeries()
    {
        await using var host = await MetricsScrapeHost.StartAsync();
        var metrics = host.Metrics;

        for (var i = 0; i < 500; i++)
        {
            metrics.EventReceived("p", "echo", $"ONIMBOTV2INVENTED{i}", "webhook");
            metrics.TurnHandled("echo", $"X{i}", "Handled", TimeSpan.FromMilliseconds(1));
        }

        metrics.EventReceived("p", "echo", MessageAdded.WireType, "webhook");
        var scrape = await host.ScrapeAsync();

        Assert.Equal(2, scrape.Named("chatbothost_events_received_total").Count());
        Assert.Equal(1, scrape.Value("chatbothost_events_received_total", ("bot", "echo"), ("mode", "webhook"), ("portal", "p"), ("type", "ONIMBOTV2MESSAGEADD")));
        Assert.Equal(500, scrape.Value("chatbothost_events_received_total", ("bot", "echo"), ("mode", "webhook"), ("portal", "p"), ("type", "other")));
        Assert.Single(scrape.Named("chatbothost_turn_duration_seconds_count"));
        Assert.DoesNotContain("INVENTED", scrape.Text, StringComparison.Ordinal);
    }
}
