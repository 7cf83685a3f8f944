using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace ChatBotHost.Operations.Health;

/// <summary>
/// Each portal's token state, from every <see cref="IPortalHealthSource"/>; one that is not usable degrades readiness.
/// Published as a count per state: /health/ready is anonymous, and portal keys and domains would list the
/// application's customers (`inbox status` names the portals to an operator).
/// </summary>
internal sealed class TokenHealthCheck(IEnumerable<IPortalHealthSource> sources) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var states = new List<PortalTokenState>();
        foreach (var source in sources)
        {
            states.AddRange(await source.GetTokenStatesAsync(cancellationToken));
        }

        var data = states
            .GroupBy(s => s.State, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => (object)g.Count(), StringComparer.Ordinal);
        var bad = states.Count(s => !s.IsHealthy);
        return bad == 0
            ? HealthCheckResult.Healthy($"{states.Count} portal(s) with usable credentials", data)
            : HealthCheckResult.Degraded($"{bad} of {states.Count} portal(s) need attention", data: data);
    }
}
