using System.Diagnostics.Metrics;
using ChatBotHost.Operations.Metrics;
using Microsoft.Extensions.DependencyInjection;

namespace ChatBotHost.Tests.Operations;

public sealed class PrometheusExporterTests : IDisposable
{
    private readonly ServiceProvider _services = new ServiceCollection().AddMetrics().BuildServiceProvider();
    private readonly IMeterFactory _meters;
    private readonly PrometheusExporter _exporter;
    private readonly HostMetrics _metrics;

    public PrometheusExporterTests()
    {
        _meters = _services.GetRequiredService<IMeterFactory>();
        _exporter = new PrometheusExporter(_meters);
        _metrics = new HostMetrics(_meters);
    }

    [Fact]
    public void Collect_Counter_IsWrittenAsTotalWithSortedEscapedLabels()
    {
        _metrics.EventReceived("portal.example", "echo", "ONIMBOTV2MESSAGEADD", "webhook");
        _metrics.EventReceived("portal.example", "echo", "ONIMBOTV2MESSAGEADD", "webhook");
        _metrics.RestError("p", "imbot.v2.Chat.Message.send", "a\"b\\c\nd");

        var text = _exporter.Collect();

        Assert.Contains("# TYPE chatbothost_events_received_total counter\n", text, StringComparison.Ordinal);
        Assert.Contains("chatbothost_events_received_total{bot=\"echo\",mode=\"webhook\",portal=\"portal.example\",type=\"ONIMBOTV2MESSAGEADD\"} 2\n", text, StringComparison.Ordinal);
        Assert.Contains("chatbothost_rest_errors_total{code=\"a\\\"b\\\\c\\nd\",method=\"imbot.v2.Chat.Message.send\",portal=\"p\"} 1\n", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Collect_Histogram_HasCumulativeBucketsSumAndCount()
    {
        _metrics.TurnHandled("echo", "ONIMBOTV2MESSAGEADD", "Handled", TimeSpan.FromMilliseconds(3));
        _metrics.TurnHandled("echo", "ONIMBOTV2MESSAGEADD", "Handled", TimeSpan.FromMilliseconds(300));
        _metrics.TurnHandled("echo", "ONIMBOTV2MESSAGEADD", "Handled", TimeSpan.FromMinutes(2));

        var text = _exporter.Collect();

        Assert.Contains("# TYPE chatbothost_turn_duration_seconds histogram\n", text, StringComparison.Ordinal);
        const string labels = "bot=\"echo\",outcome=\"Handled\",type=\"ONIMBOTV2MESSAGEADD\"";
        Assert.Contains($"chatbothost_turn_duration_seconds_bucket{{{labels},le=\"0.005\"}} 1\n", text, StringComparison.Ordinal);
        Assert.Contains($"chatbothost_turn_duration_seconds_bucket{{{labels},le=\"0.25\"}} 1\n", text, StringComparison.Ordinal);
        Assert.Contains($"chatbothost_turn_duration_seconds_bucket{{{labels},le=\"0.5\"}} 2\n", text, StringComparison.Ordinal);
        Assert.Contains($"chatbothost_turn_duration_seconds_bucket{{{labels},le=\"60\"}} 2\n", text, StringComparison.Ordinal);
        Assert.Contains($"chatbothost_turn_duration_seconds_bucket{{{labels},le=\"+Inf\"}} 3\n", text, StringComparison.Ordinal);
        Assert.Contains($"chatbothost_turn_duration_seconds_sum{{{labels}}} 120.303\n", text, StringComparison.Ordinal);
        Assert.Contains($"chatbothost_turn_duration_seconds_count{{{labels}}} 3\n", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Collect_ObservableGauge_ReportsTheLatestValue()
    {
        _metrics.FetchLag("p", "counter", TimeSpan.FromSeconds(4));
        _metrics.FetchLag("p", "counter", TimeSpan.FromSeconds(1.5));

        var text = _exporter.Collect();

        Assert.Contains("# TYPE chatbothost_fetch_lag_seconds gauge\n", text, StringComparison.Ordinal);
        Assert.Contains("chatbothost_fetch_lag_seconds{bot=\"counter\",portal=\"p\"} 1.5\n", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Collect_SameLabelsPassedInAnotherOrder_CountInOneSeries()
    {
        var counter = _meters.Create(HostMetrics.MeterName).CreateCounter<long>("orders");
        counter.Add(1, new("a", "1"), new("b", 2));
        counter.Add(1, new("b", 2), new("a", "1"));
        counter.Add(1, new("a", "1"), new("b", 3));

        var text = _exporter.Collect();

        Assert.Contains("chatbothost_orders_total{a=\"1\",b=\"2\"} 2\n", text, StringComparison.Ordinal);
        Assert.Contains("chatbothost_orders_total{a=\"1\",b=\"3\"} 1\n", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Collect_MeterOfAnotherFactory_IsNotShown()
    {
        using var other = new ServiceCollection().AddMetrics().BuildServiceProvider();
        new HostMetrics(other.GetRequiredService<IMeterFactory>()).EventReceived("elsewhere", "b", "t", "fetch");

        Assert.DoesNotContain("elsewhere", _exporter.Collect(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("outbox.depth", "{call}", "Gauge", "chatbothost_outbox_depth")]
    [InlineData("ratelimit.wait", "s", "Histogram", "chatbothost_ratelimit_wait_seconds")]
    [InlineData("rest-errors", null, "Counter", "chatbothost_rest_errors_total")]
    [InlineData("chatbothost_x_total", null, "Counter", "chatbothost_x_total")]
    public void NameOf_InstrumentName_BecomesSnakeCaseWithPrefixAndSuffix(string instrument, string? unit, string kind, string expected) =>
        Assert.Equal(expected, PrometheusText.NameOf(instrument, unit, Enum.Parse<MetricKind>(kind)));

    public void Dispose()
    {
        _exporter.Dispose();
        _services.Dispose();
    }
}
