namespace ChatBotHost.Operations.Metrics;

/// <summary>GET /metrics: the host's metrics in Prometheus text format.</summary>
internal static class MetricsEndpoints
{
    public const string Path = "/metrics";

    public static IEndpointRouteBuilder MapMetricsEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet(Path, async (QueueDepths depths, PrometheusExporter exporter, CancellationToken cancellationToken) =>
        {
            await depths.RefreshAsync(cancellationToken);
            return Results.Text(exporter.Collect(), PrometheusText.ContentType);
        }).ExcludeFromDescription();
        return endpoints;
    }

    /// <summary>The instruments, the exporter listening to them, and the queue gauges.</summary>
    public static IServiceCollection AddHostMetrics(this IServiceCollection services)
    {
        services.AddMetrics();
        services.AddSingleton<HostMetrics>();
        services.AddSingleton<PrometheusExporter>();
        services.AddSingleton<QueueDepths>();
        return services;
    }
}
