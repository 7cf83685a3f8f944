using ChatBotHost.Operations.Logging;
using ChatBotHost.Registration;
using OpenTelemetry.Instrumentation.AspNetCore;
using OpenTelemetry.Trace;

namespace ChatBotHost.Operations.Tracing;

/// <summary>Registers the host's traces with OpenTelemetry; exporters are chosen by the standard OTEL_* variables.</summary>
internal static class TracingServices
{
    public static IServiceCollection AddHostTracing(this IServiceCollection services, IConfiguration configuration)
    {
        // The webhook request's span is the root of an event's trace (and the one its log lines name): only webhook
        // deliveries are traced, not probes and scrapes. Its path carries the webhook secret, so the path is masked
        // like any text in a log; the route template the instrumentation adds at the end never holds it.
        services.AddOptions<AspNetCoreTraceInstrumentationOptions>().Configure<SecretMask>((o, mask) =>
        {
            o.Filter = http => http.Request.Path.StartsWithSegments(WebhookAddress.RoutePrefix, StringComparison.OrdinalIgnoreCase);
            o.EnrichWithHttpRequest = (activity, request) => activity.SetTag("url.path", mask.Apply(request.Path.Value ?? ""));
        });

        var tracing = services.AddOpenTelemetry().WithTracing(t => t.AddSource(HostTracing.SourceName).AddAspNetCoreInstrumentation());
        // Off unless an endpoint is named: a host without a collector should not retry exports into the void. The
        // exporter reads the other OTEL_EXPORTER_OTLP_* variables (protocol, headers) itself.
        if (!string.IsNullOrWhiteSpace(configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]))
        {
            tracing.WithTracing(t => t.AddOtlpExporter());
        }
        else if (string.IsNullOrWhiteSpace(configuration["OTEL_TRACES_SAMPLER"]))
        {
            // Nobody receives the spans, so none is recorded: every webhook request would otherwise build and enrich
            // spans for nothing. Trace ids still flow (the request's activity exists for logging, and a dropped span
            // with a parent still propagates its context), so log lines keep them. OTEL_TRACES_SAMPLER, the standard
            // variable, chooses otherwise (the tests set it with an in-memory exporter).
            tracing.WithTracing(t => t.SetSampler(new AlwaysOffSampler()));
        }

        return services;
    }
}
