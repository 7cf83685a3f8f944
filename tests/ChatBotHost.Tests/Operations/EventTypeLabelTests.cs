using System.Diagnostics.Metrics;
using ChatBotHost.Abstractions.Timers;
using ChatBotHost.Bitrix.Events;
using ChatBotHost.Operations.Metrics;
using Microsoft.Extensions.DependencyInjection;

namespace ChatBotHost.Tests.Operations;

/// <summary>The type label takes the known event types and one "other", whatever a sender invents.</summary>
public sealed class EventTypeLabelTests : IDisposable
{
    private readonly ServiceProvider _services = new ServiceCollection().AddMetrics().BuildServiceProvider();

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
    public void EventReceived_ManyInventedTypes_AddOneOtherSeries()
    {
        var meters = _services.GetRequiredService<IMeterFactory>();
        var exporter = new PrometheusExporter(meters);
        var metrics = new HostMetrics(meters);

        for (var i = 0; i < 500; i++)
        {
            metrics.EventReceived("p", "echo", $"ONIMBOTV2INVENTED{i}", "webhook");
            metrics.TurnHandled("echo", $"X{i}", "Handled", TimeSpan.FromMilliseconds(1));
        }

        metrics.EventReceived("p", "echo", MessageAdded.WireType, "webhook");
        var lines = exporter.Collect().Split('\n');

        Assert.Equal(
            ["chatbothost_events_received_total{bot=\"echo\",mode=\"webhook\",portal=\"p\",type=\"ONIMBOTV2MESSAGEADD\"} 1", "chatbothost_events_received_total{bot=\"echo\",mode=\"webhook\",portal=\"p\",type=\"other\"} 500"],
            lines.Where(l => l.StartsWith("chatbothost_events_received_total{", StringComparison.Ordinal)).Order(StringComparer.Ordinal));
        Assert.Single(lines, l => l.StartsWith("chatbothost_turn_duration_seconds_count{", StringComparison.Ordinal));
        Assert.DoesNotContain(lines, l => l.Contains("INVENTED", StringComparison.Ordinal));
    }

    public void Dispose() => _services.Dispose();
}
