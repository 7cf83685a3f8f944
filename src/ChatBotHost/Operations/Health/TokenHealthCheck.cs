using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace ChatBotHost.Operations.Health;

/// <summary>Each portal's token state, from every <see cref="IPortalHealthSource"/>; one that is not usable degrades readiness.</summary>
internal sealed class TokenHealthCheck(IEnumerable<IPortalHealthSource> sources) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var states = sources.SelectMany(s => s.GetTokenStates()).ToArray();
        var data = states.ToDictionary(
            s => s.Portal,
            s => (object)(s.Detail is null ? s.State : $"{s.State}: {s.Detail}"),
            StringComparer.Ordinal);
        var bad = states.Where(s => !s.IsHealthy).Select(s => s.Portal).ToArray();
        return Task.FromResult(bad.Length == 0
            ? HealthCheckResult.Healthy($"{states.Length} portal(s) with usable credentials", data)
            : HealthCheckResult.Degraded($"Credentials need attention: {string.Join(", ", bad)}", data: data));
    }
}
