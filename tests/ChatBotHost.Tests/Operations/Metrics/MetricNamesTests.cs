using ChatBotHost.Bitrix.Client;
using ChatBotHost.Bitrix.Requests.Bots;
using ChatBotHost.Delivery;
using ChatBotHost.Hosting;
using ChatBotHost.Registration;
using ChatBotHost.Tests.Delivery;
using ChatBotHost.Tests.Pipeline;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Moq;

namespace ChatBotHost.Tests.Operations.Metrics;

/// <summary>
/// What operators' dashboards and alerts match on: every family /metrics showed before the move to OpenTelemetry (the
/// hand-written exporter, read with curl), with its type and label names. Each instrument is made to record once, by
/// the component that records it in the host, and the scrape must hold exactly these host families.
/// </summary>
public sealed class MetricNamesTests
{
    // Family → (type, label names of its series). Histograms are listed by family; their _bucket series add "le".
    private static readonly Dictionary<string, (string Type, string[] Labels)> Expected = new(StringComparer.Ordinal)
    {
        ["chatbothost_events_received_total"] = ("counter", ["bot", "mode", "portal", "type"]),
        ["chatbothost_turn_duration_seconds"] = ("histogram", ["bot", "outcome", "type"]),
        ["chatbothost_ratelimit_wait_seconds"] = ("histogram", ["portal"]),
        ["chatbothost_rest_errors_total"] = ("counter", ["code", "method", "portal"]),
        ["chatbothost_fetch_lag_seconds"] = ("gauge", ["bot", "portal"]),
        ["chatbothost_outbox_depth"] = ("gauge", ["portal"]),
        ["chatbothost_inbox_depth"] = ("gauge", ["portal"]),
        ["chatbothost_portals_suspended"] = ("gauge", ["code"]),
    };

    [Fact]
    public async Task Scrape_EveryInstrumentRecorded_ShowsTodaysFamiliesTypesAndLabels()
    {
        var bot = PipelineHarness.Bot(_ => { });
        await using var host = await MetricsScrapeHost.StartAsync([bot], services => services.AddSingleton(Answering()));
        await RecordEveryInstrumentAsync(host, bot);

        var scrape = await host.ScrapeAsync();

        var families = scrape.Types.Where(t => t.Key.StartsWith("chatbothost_", StringComparison.Ordinal)).ToDictionary(StringComparer.Ordinal);
        Assert.Equal(Expected.Keys.Order(StringComparer.Ordinal), families.Keys.Order(StringComparer.Ordinal));
        foreach (var (family, (type, labels)) in Expected)
        {
            Assert.Equal(type, families[family]);
            string[] names = type == "histogram" ? [family + "_bucket", family + "_sum", family + "_count"] : [family];
            foreach (var name in names)
            {
                var series = scrape.Named(name).ToList();
                Assert.True(series.Count > 0, $"no series of {name} in:\n{scrape.Text}");
                string[] wanted = name.EndsWith("_bucket", StringComparison.Ordinal) ? [.. labels, "le"] : labels;
                Assert.All(series, s => Assert.Equal(wanted.Order(StringComparer.Ordinal), s.Labels.Keys.Order(StringComparer.Ordinal)));
            }
        }
    }

    [Fact]
    public async Task Scrape_AskedForOpenMetrics_HasTheSameSampleNamesAndLabels()
    {
        var bot = PipelineHarness.Bot(_ => { });
        await using var host = await MetricsScrapeHost.StartAsync([bot], services => services.AddSingleton(Answering()));
        await RecordEveryInstrumentAsync(host, bot);

        // Prometheus itself asks for OpenMetrics first: its samples must be the ones dashboards know, too.
        var text = await host.ScrapeAsync();
        var openMetrics = await host.ScrapeAsync("application/openmetrics-text;version=1.0.0,text/plain;version=0.0.4;q=0.5");

        // OpenMetrics adds a counter's creation time as a _created sample, which Prometheus reads as metadata.
        Assert.StartsWith("application/openmetrics-text", openMetrics.ContentType, StringComparison.Ordinal);
        Assert.Equal(HostSeries(text), HostSeries(openMetrics).Where(s => !s.Contains("_created{", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Scrape_Runtime_IsExportedBesideTheHostsOwn()
    {
        await using var host = await MetricsScrapeHost.StartAsync();

        var scrape = await host.ScrapeAsync();

        Assert.Contains(scrape.Types.Keys, name => name.StartsWith("dotnet_", StringComparison.Ordinal));
    }

    private static async Task RecordEveryInstrumentAsync(MetricsScrapeHost host, HostedBot bot)
    {
        var metrics = host.Metrics;
        metrics.EventReceived(bot.Portal.Key, bot.Code, "ONIMBOTV2MESSAGEADD", "webhook");
        metrics.TurnHandled(bot.Code, "ONIMBOTV2MESSAGEADD", "Handled", TimeSpan.FromMilliseconds(12));
        metrics.RateLimiterWaited(bot.Portal.Key, TimeSpan.FromSeconds(0.5));
        metrics.RestError(bot.Portal.Key, "imbot.v2.Chat.Message.send", "ERROR_ARGUMENT");
        metrics.FetchLag(bot.Portal.Key, bot.Code, TimeSpan.FromSeconds(2));
        new PortalSuspensions(new FakeTimeProvider(), NullLogger<PortalSuspensions>.Instance, metrics)
            .Suspend(bot.Portal.Key, new BitrixApiException(BitrixErrors.OverloadLimit, "blocked", System.Net.HttpStatusCode.ServiceUnavailable));

        // One call through this replica's send queue makes its portal's lane, which the outbox gauge reports.
        await host.Services.GetRequiredService<SendQueue>().SendAsync(bot, new BotListRequest(), idempotencyKey: null, CancellationToken.None);
    }

    // The send queue's first request takes the permit overload; both answer with a client that succeeds.
    private static IBotClientSource Answering()
    {
        var portal = new ScriptedClient();
        var clients = new Mock<IBotClientSource>();
        clients.Setup(c => c.For(It.IsAny<HostedBot>())).Returns(portal);
        clients.Setup(c => c.For(It.IsAny<HostedBot>(), It.IsAny<BucketPermit>())).Returns(portal);
        return clients.Object;
    }

    private static List<string> HostSeries(PrometheusScrape scrape) =>
        [.. scrape.Samples
            .Where(s => s.Name.StartsWith("chatbothost_", StringComparison.Ordinal))
            .Select(s => s.Name + "{" + string.Join(',', s.Labels.OrderBy(l => l.Key, StringComparer.Ordinal).Select(l => $"{l.Key}={Canonical(l)}")) + "}")
            .Order(StringComparer.Ordinal)];

    // OpenMetrics writes bucket bounds as canonical floats ("1.0" where the text format has "1"); Prometheus 3 reads
    // both as the same bound.
    private static string Canonical(KeyValuePair<string, string> label) =>
        label.Key == "le" && label.Value != "+Inf" ? double.Parse(label.Value, System.Globalization.CultureInfo.InvariantCulture).ToString("R", System.Globalization.CultureInfo.InvariantCulture) : label.Value;
}
