using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace ChatBotHost.Operations.Health;

/// <summary>Each portal's token state, from every <see cref="IPortalHealthSource"/>; one that is not usable degrades readiness.</summary>
internal sealed class TokenHealthCheck(IEnumerable<IPortalHealthSource> sources) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var states = new List<PortalTokenState>();
        foreach (var source in sources)
        {
            states.AddRange(await source.GetTokenStatesAsync(cancellationToken));
        }

        var data = states.ToDictionary(
            s => s.Portal,
            s => (object)(s.Detail is null ? s.State : $"{s.State}: {s.Detail}"),
            StringComparer.Ordinal);
        var bad = states.Where(s => !s.IsHealthy).Select(s => s.Portal).ToArray();
        return bad.Length == 0
            ? HealthCheckResult.Healthy($"{states.Count} portal(s) with usable credentials", data)
            : HealthCheckResult.Degraded($"Credentials need attention: {string.Join(", ", bad)}", data: data);
    }
}
