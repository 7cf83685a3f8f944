using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace ChatBotHost.Operations.Health;

/// <summary>
/// /health/live answers while the process runs; /health/ready runs the readiness checks (Redis, portals, tokens) and
/// lists each in a JSON body. Unhealthy answers 503; Degraded still answers 200, since the host can take events in.
/// The body names checks, states and counts only: no endpoints, portals or exception texts.
/// </summary>
internal static class HealthEndpoints
{
    public const string LivePath = "/health/live";
    public const string ReadyPath = "/health/ready";
    private const string ReadyTag = "ready";
    private static readonly JsonSerializerOptions JsonOptions = new() { WriteIndented = true, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull };

    public static IServiceCollection AddHostHealth(this IServiceCollection services)
    {
        services.AddSingleton<IPortalHealthSource, WebhookPortalHealthSource>();
        services.AddSingleton<IPortalHealthSource, OAuthPortalHealthSource>();
        services.AddSingleton<PortalHealthCheck>();
        services.AddHealthChecks()
            .AddCheck<RedisHealthCheck>("redis", tags: [ReadyTag])
            .AddCheck<PortalHealthCheck>("portal", tags: [ReadyTag])
            .AddCheck<TokenHealthCheck>("tokens", tags: [ReadyTag])
            .AddCheck<PortalSuspensionHealthCheck>("suspensions", tags: [ReadyTag]);
        return services;
    }

    public static IEndpointRouteBuilder MapHealthEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapHealthChecks(LivePath, new HealthCheckOptions { Predicate = _ => false, ResponseWriter = WriteAsync });
        endpoints.MapHealthChecks(ReadyPath, new HealthCheckOptions { Predicate = c => c.Tags.Contains(ReadyTag), ResponseWriter = WriteAsync });
        return endpoints;
    }

    private static Task WriteAsync(HttpContext http, HealthReport report)
    {
        http.Response.ContentType = "application/json; charset=utf-8";
        var body = new
        {
            status = report.Status.ToString(),
            durationMs = Math.Round(report.TotalDuration.TotalMilliseconds, 1),
            checks = report.Entries.Select(e => new
            {
                name = e.Key,
                status = e.Value.Status.ToString(),
                description = DescriptionOf(e.Value),
                durationMs = Math.Round(e.Value.Duration.TotalMilliseconds, 1),
                data = e.Value.Data.Count == 0 ? null : e.Value.Data,
            }),
        };
        return JsonSerializer.SerializeAsync(http.Response.Body, body, JsonOptions, http.RequestAborted);
    }

    // A check that threw gets the exception's text as its description from the health-check service; that text can
    // name endpoints (Redis's, a portal's) and the endpoint is anonymous, so only the exception's type is shown.
    private static string? DescriptionOf(HealthReportEntry entry) =>
        entry.Exception is { } failure ? $"The check failed ({failure.GetType().Name})" : entry.Description;
}
