using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace ChatBotHost.LiveBots;

/// <summary>
/// A unit of the bots folder that does not compile degrades readiness, naming the unit, its bots and where the errors
/// are. The messages themselves go to the log (and the local chat page): this endpoint is anonymous, and a compiler
/// message can quote the source.
/// </summary>
internal sealed class LiveBotsHealthCheck(LiveBotUnits units) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var failures = units.Failures;
        if (failures.Count == 0)
        {
            return Task.FromResult(HealthCheckResult.Healthy("Every bot in the bots folder compiled"));
        }

        var data = failures.ToDictionary(
            f => f.Unit,
            f => (object)new
            {
                bots = f.Bots,
                serving = f.Bots.Count > 0 ? "last good version" : "nothing (never compiled)",
                errors = f.Errors.Select(e => e.Line > 0 ? $"{e.File}({e.Line},{e.Column})" : e.File).ToArray(),
            },
            StringComparer.Ordinal);
        var names = string.Join(", ", failures.Select(f => f.Bots.Count > 0 ? $"{f.Unit} ({string.Join(", ", f.Bots)})" : f.Unit));
        return Task.FromResult(HealthCheckResult.Degraded($"Not compiling, see the log: {names}", data: data));
    }
}
