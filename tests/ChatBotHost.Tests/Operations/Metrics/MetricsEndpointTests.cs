using System.Diagnostics.Metrics;
using System.Net;
using ChatBotHost.Operations.Metrics;
using Microsoft.Extensions.DependencyInjection;

namespace ChatBotHost.Tests.Operations.Metrics;

/// <summary>/metrics as OpenTelemetry's Prometheus exporter writes it: today's names, types, buckets and labels.</summary>
public sealed class MetricsEndpointTests : IAsyncLifetime
{
    private MetricsScrapeHost _host = null!;

    public async Task InitializeAsync() => _host = await MetricsScrapeHost.StartAsync();

    [Fact]
    public async Task Scrape_Counter_IsATotalWithItsLabelsEscaped()
    {
        _host.Metrics.EventReceived("portal.example", "echo", "ONIMBOTV2MESSAGEADD", "webhook");
        _host.Metrics.EventReceived("portal.example", "echo", "ONIMBOTV2MESSAGEADD", "webhook");
        _host.Metrics.RestError("p", "imbot.v2.Chat.Message.send", "a\"b\\c\nd");

        var scrape = await _host.ScrapeAsync();

        Assert.StartsWith("text/plain", scrape.ContentType, StringComparison.Ordinal);
        Assert.Equal("counter", scrape.Types["chatbothost_events_received_total"]);
        Assert.Equal(2, scrape.Value("chatbothost_events_received_total", ("bot", "echo"), ("mode", "webhook"), ("portal", "portal.example"), ("type", "ONIMBOTV2MESSAGEADD")));
        Assert.Equal(1, scrape.Value("chatbothost_rest_errors_total", ("code", "a\"b\\c\nd"), ("method", "imbot.v2.Chat.Message.send"), ("portal", "p")));
        Assert.Contains("code=\"a\\\"b\\\\c\\nd\"", scrape.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Scrape_Histogram_HasTodaysCumulativeBucketsSumAndCount()
    {
        _host.Metrics.TurnHandled("echo", "ONIMBOTV2MESSAGEADD", "Handled", TimeSpan.FromMilliseconds(3));
        _host.Metrics.TurnHandled("echo", "ONIMBOTV2MESSAGEADD", "Handled", TimeSpan.FromMilliseconds(300));
        _host.Metrics.TurnHandled("echo", "ONIMBOTV2MESSAGEADD", "Handled", TimeSpan.FromMinutes(2));

        var scrape = await _host.ScrapeAsync();

        Assert.Equal("histogram", scrape.Types["chatbothost_turn_duration_seconds"]);
        (string, string)[] labels = [("bot", "echo"), ("outcome", "Handled"), ("type", "ONIMBOTV2MESSAGEADD")];
        Assert.Equal(
            ["0.005", "0.01", "0.025", "0.05", "0.1", "0.25", "0.5", "1", "2.5", "5", "10", "30", "60", "+Inf"],
            scrape.Named("chatbothost_turn_duration_seconds_bucket").Select(s => s.Labels["le"]));
        Assert.Equal(1, scrape.Value("chatbothost_turn_duration_seconds_bucket", [.. labels, ("le", "0.005")]));
        Assert.Equal(1, scrape.Value("chatbothost_turn_duration_seconds_bucket", [.. labels, ("le", "0.25")]));
        Assert.Equal(2, scrape.Value("chatbothost_turn_duration_seconds_bucket", [.. labels, ("le", "0.5")]));
        Assert.Equal(2, scrape.Value("chatbothost_turn_duration_seconds_bucket", [.. labels, ("le", "60")]));
        Assert.Equal(3, scrape.Value("chatbothost_turn_duration_seconds_bucket", [.. labels, ("le", "+Inf")]));
        Assert.Equal(120.303, scrape.Value("chatbothost_turn_duration_seconds_sum", labels), precision: 9);
        Assert.Equal(3, scrape.Value("chatbothost_turn_duration_seconds_count", labels));
    }

    [Fact]
    public async Task Scrape_ObservableGauge_ReportsTheLatestValue()
    {
        _host.Metrics.FetchLag("p", "counter", TimeSpan.FromSeconds(4));
        _host.Metrics.FetchLag("p", "counter", TimeSpan.FromSeconds(1.5));

        var scrape = await _host.ScrapeAsync();

        Assert.Equal("gauge", scrape.Types["chatbothost_fetch_lag_seconds"]);
        Assert.Equal(1.5, scrape.Value("chatbothost_fetch_lag_seconds", ("bot", "counter"), ("portal", "p")));
    }

    [Fact]
    public async Task Scrape_SameLabelsPassedInAnotherOrder_CountInOneSeries()
    {
        var counter = _host.Metrics.Meter.CreateCounter<long>("chatbothost.orders");
        counter.Add(1, new("a", "1"), new("b", 2));
        counter.Add(1, new("b", 2), new("a", "1"));
        counter.Add(1, new("a", "1"), new("b", 3));

        var scrape = await _host.ScrapeAsync();

        Assert.Equal(2, scrape.Value("chatbothost_orders_total", ("a", "1"), ("b", "2")));
        Assert.Equal(1, scrape.Value("chatbothost_orders_total", ("a", "1"), ("b", "3")));
    }

    [Fact]
    public async Task Scrape_MeterOfAnotherFactory_IsNotShown()
    {
        using var other = new ServiceCollection().AddMetrics().BuildServiceProvider();
        new HostMetrics(other.GetRequiredService<IMeterFactory>()).EventReceived("elsewhere", "b", "t", "fetch");
        await using var otherHost = await MetricsScrapeHost.StartAsync();
        otherHost.Metrics.EventReceived("other-host", "b", "t", "fetch");
        _host.Metrics.EventReceived("here", "b", "t", "fetch");

        var scrape = await _host.ScrapeAsync();

        Assert.DoesNotContain("elsewhere", scrape.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("other-host", scrape.Text, StringComparison.Ordinal);
        Assert.Contains("here", scrape.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Scrape_TwiceInARow_ShowsWhatHappenedInBetween()
    {
        _host.Metrics.RestError("p", "m", "c");
        Assert.Equal(1, (await _host.ScrapeAsync()).Value("chatbothost_rest_errors_total", ("code", "c"), ("method", "m"), ("portal", "p")));

        _host.Metrics.RestError("p", "m", "c");

        Assert.Equal(2, (await _host.ScrapeAsync()).Value("chatbothost_rest_errors_total", ("code", "c"), ("method", "m"), ("portal", "p")));
    }

    [Fact]
    public async Task Scrape_MoreSeriesThanTheLimit_FoldTheRestIntoOneOverflowSeries()
    {
        for (var i = 0; i < 2100; i++)
        {
            _host.Metrics.RestError($"portal-{i}", "m", "c");
        }

        var scrape = await _host.ScrapeAsync();

        var series = scrape.Named("chatbothost_rest_errors_total").ToList();
        var overflow = series.Where(s => s.Labels.TryGetValue("otel_metric_overflow", out var value) && value == "true").ToList();
        Assert.Single(overflow);
        Assert.InRange(series.Count - overflow.Count, 1, 2000);
        Assert.Equal(2100, series.Sum(s => s.Value));
    }

    [Fact]
    public async Task Metrics_OtherMethodThanGet_IsRefused() =>
        Assert.Equal(HttpStatusCode.MethodNotAllowed, await _host.StatusOfAsync(HttpMethod.Post));

    public async Task DisposeAsync() => await _host.DisposeAsync();
}
