using System.Text;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Metrics;

namespace ChatBotHost.Tests.Operations.Metrics;

/// <summary>OTLP metric export is switched on by the standard OTEL_* settings, like the traces.</summary>
public sealed class OtlpMetricsTests
{
    [Fact]
    public async Task Flush_EndpointSet_ExportsTheHostsInstrumentsOverOtlp()
    {
        await using var collector = await OtlpSink.StartAsync();
        await using var host = await MetricsScrapeHost.StartAsync(settings: new Dictionary<string, string?>
        {
            ["OTEL_EXPORTER_OTLP_ENDPOINT"] = collector.BaseUrl.ToString().TrimEnd('/'),
            ["OTEL_EXPORTER_OTLP_PROTOCOL"] = "http/protobuf",
        });
        host.Metrics.EventReceived("portal.example", "echo", "ONIMBOTV2MESSAGEADD", "webhook");

        Flush(host);

        var metrics = collector.Exports.Where(e => e.Path == "/v1/metrics").Select(e => Encoding.UTF8.GetString(e.Body)).ToList();
        Assert.Contains(metrics, body => body.Contains("chatbothost.events.received", StringComparison.Ordinal) && body.Contains("portal.example", StringComparison.Ordinal));
    }

    // Collects and exports now, not at the next interval. Its result is false whatever OTLP did: the Prometheus
    // reader only collects for a scrape and refuses a flush.
    private static void Flush(MetricsScrapeHost host) => host.Services.GetRequiredService<MeterProvider>().ForceFlush(10_000);
}
