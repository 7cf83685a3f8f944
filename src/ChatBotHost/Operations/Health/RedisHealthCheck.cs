using System.Diagnostics;
using ChatBotHost.State;
using ChatBotHost.State.Redis;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using PackagedRedisCheck = HealthChecks.Redis.RedisHealthCheck;

namespace ChatBotHost.Operations.Health;

/// <summary>
/// Redis answers, as AspNetCore.HealthChecks.Redis judges it (PING on each endpoint; CLUSTER INFO on a cluster), over the
/// host's own connection; without Redis the state is in memory, which is ready but says so. This class only feeds the
/// package and rewrites its answer: the package's descriptions and exceptions name endpoints ("… for endpoint
/// 10.0.0.5:6379"), and /health/ready is anonymous, so only the outcome and the exception's type are passed on.
/// </summary>
internal sealed class RedisHealthCheck(StateStoreInfo info, IServiceProvider services) : IHealthCheck
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(3);

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (!info.IsDurable || services.GetService<RedisConnection>() is not { } redis)
        {
            return HealthCheckResult.Healthy("No Redis configured: state is kept in memory and lost when the host stops");
        }

        var elapsed = Stopwatch.StartNew();
        HealthCheckResult answer;
        try
        {
            var multiplexer = await redis.GetConnectedMultiplexerAsync(cancellationToken).WaitAsync(Patience, cancellationToken);
            var check = new PackagedRedisCheck(multiplexer);
            // The package reads the failure status from the registration; its own context is given so that the outcome
            // does not depend on how the caller registered or invoked this check.
            var own = new HealthCheckContext { Registration = new HealthCheckRegistration("redis", check, HealthStatus.Unhealthy, null) };
            answer = await check.CheckHealthAsync(own, cancellationToken).WaitAsync(Patience, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            answer = new HealthCheckResult(HealthStatus.Unhealthy, exception: ex);
        }

        return answer.Status == HealthStatus.Healthy
            ? HealthCheckResult.Healthy($"Redis answered in {elapsed.Elapsed.TotalMilliseconds:0.#} ms")
            // The exception's type only: its text could carry the endpoints or the connection string's password.
            : HealthCheckResult.Unhealthy($"Redis does not answer ({answer.Exception?.GetType().Name ?? "cluster state not ok"})");
    }
}
