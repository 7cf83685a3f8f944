namespace ChatBotHost.Operations.Metrics;

/// <summary>GET /metrics: the host's metrics in Prometheus text format, written by OpenTelemetry's exporter.</summary>
internal static class MetricsEndpoints
{
    public const string Path = "/metrics";

    public static IEndpointRouteBuilder MapMetricsEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPrometheusScrapingEndpoint(Path, meterProvider: null, configureBranchedPipeline: RefreshInboxDepthsFirst, optionsName: null)
            .WithMetadata(new HttpMethodMetadata([HttpMethods.Get]))
            .ExcludeFromDescription();
        return endpoints;
    }

    // The inbox gauges report what the store last answered, and the store answers asynchronously, which an observable
    // gauge's callback cannot wait for: so a scrape reads the depths before the exporter collects.
    private static void RefreshInboxDepthsFirst(IApplicationBuilder branch) =>
        branch.Use(async (context, next) =>
        {
            await context.RequestServices.GetRequiredService<QueueDepths>().RefreshAsync(context.RequestAborted);
            await next(context);
        });
}
