using ChatBotHost.Delivery;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace ChatBotHost.Operations.Health;

/// <summary>
/// Portals this replica stopped calling (OVERLOAD_LIMIT: REST blocked by hand; PORTAL_DELETED) degrade readiness until a
/// probe gets an answer again. Counted per code only: the endpoint is anonymous, so no portal or member_id is named
/// (the log names them to an operator).
/// </summary>
internal sealed class PortalSuspensionHealthCheck(PortalSuspensions suspensions) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var counts = suspensions.CountByCode();
        var data = counts.ToDictionary(c => c.Key, c => (object)c.Value, StringComparer.Ordinal);
        var suspended = counts.Values.Sum();
        return Task.FromResult(suspended == 0
            ? HealthCheckResult.Healthy("No portal is suspended")
            : HealthCheckResult.Degraded($"{suspended} portal(s) suspended: they refuse all REST calls until a probe succeeds", data: data));
    }
}
