using Microsoft.Extensions.Diagnostics.Metrics;
using OpenTelemetry.Exporter;
using OpenTelemetry.Metrics;

namespace ChatBotHost.Operations.Metrics;

/// <summary>
/// Registers the host's instruments with OpenTelemetry: the Prometheus exporter behind /metrics always, OTLP when the
/// standard OTEL_* variables name an endpoint (as for traces), and the runtime's own System.Runtime meter.
/// </summary>
internal static class MetricsServices
{
    public static IServiceCollection AddHostMetrics(this IServiceCollection services, IConfiguration configuration)
    {
        // The host's meter is enabled as a rule on the host's own IMeterFactory (MeterScope.Local), not with AddMeter:
        // AddMeter matches every meter of that name in the process, so several hosts in one process (the tests) would
        // count each other's events; the rule takes only the meters this container's factory made.
        services.AddMetrics(metrics => metrics.EnableMetrics(HostMetrics.MeterName, instrumentName: null, listenerName: null, MeterScope.Local));
        services.AddSingleton<HostMetrics>();
        services.AddSingleton<QueueDepths>();

        // Today's exposition exactly: no otel_scope_* labels on every series and no target_info family, which would
        // change every label set dashboards match on. No response cache either: each scrape reads the inbox depths
        // first (MetricsEndpoints), and tests and operators expect a scrape to show what happened before it.
        services.Configure<PrometheusAspNetCoreOptions>(o =>
        {
            o.ScopeInfoEnabled = false;
            o.TargetInfoEnabled = false;
            o.ScrapeResponseCacheDurationMilliseconds = 0;
        });

        var builder = services.AddOpenTelemetry().WithMetrics(m => m.AddRuntimeInstrumentation().AddPrometheusExporter());

        // Off unless an endpoint is named, like the traces: the exporter reads the other OTEL_EXPORTER_OTLP_* variables.
        if (!string.IsNullOrWhiteSpace(configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]))
        {
            builder.WithMetrics(m => m.AddOtlpExporter());
        }

        return services;
    }
}
