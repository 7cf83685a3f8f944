using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using ChatBotHost.Operations.Metrics;
using ChatBotHost.State;
using ChatBotHost.Tests.Pipeline;
using Microsoft.Extensions.DependencyInjection;
using Moq;

namespace ChatBotHost.Tests.Operations.Metrics;

/// <summary>
/// The inbox gauge read by an exporter that no scrape came before (OTLP's periodic export): it starts a read of the
/// store for the next export, and reads again only once the last read is stale.
/// </summary>
public sealed class QueueDepthsTests
{
    [Fact]
    public async Task Observe_WithoutAScrape_ReadsTheStoreForTheNextExportAndAgainOnceStale()
    {
        var clock = new FakeTimeProvider();
        long depth = 3;
        var inbox = new Mock<IInboxStore>();
        inbox.Setup(i => i.DepthAsync(It.IsAny<string>(), It.IsAny<CancellationToken>())).ReturnsAsync(() => Interlocked.Read(ref depth));
        var bot = PipelineHarness.Bot(_ => { });
        await using var host = await MetricsScrapeHost.StartAsync([bot], services =>
        {
            services.AddSingleton(inbox.Object);
            services.AddSingleton<TimeProvider>(clock);
        });
        host.Services.GetRequiredService<QueueDepths>();
        var meters = host.Services.GetRequiredService<IMeterFactory>();
        var exported = new ConcurrentDictionary<string, long>(StringComparer.Ordinal);
        using var exporter = new MeterListener();
        exporter.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Name == "chatbothost.inbox.depth" && ReferenceEquals(instrument.Meter.Scope, meters))
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        exporter.SetMeasurementEventCallback<long>((_, value, tags, _) => exported[(string)tags[0].Value!] = value);
        exporter.Start();

        await ExportUntilAsync(exporter, () => exported.TryGetValue(bot.Portal.Key, out var d) && d == 3);
        Interlocked.Exchange(ref depth, 5);
        clock.Advance(QueueDepths.Fresh - TimeSpan.FromSeconds(1));
        exporter.RecordObservableInstruments();

        Assert.Equal(3, exported[bot.Portal.Key]);
        inbox.Verify(i => i.DepthAsync(bot.Portal.Key, It.IsAny<CancellationToken>()), Times.Once());

        clock.Advance(TimeSpan.FromSeconds(1));
        await ExportUntilAsync(exporter, () => exported[bot.Portal.Key] == 5);

        inbox.Verify(i => i.DepthAsync(bot.Portal.Key, It.IsAny<CancellationToken>()), Times.Exactly(2));
    }

    // The read runs in the background by design: exports are repeated until they show it, within a deadline.
    private static async Task ExportUntilAsync(MeterListener exporter, Func<bool> done)
    {
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        while (true)
        {
            exporter.RecordObservableInstruments();
            if (done())
            {
                return;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(10), deadline.Token);
        }
    }
}
