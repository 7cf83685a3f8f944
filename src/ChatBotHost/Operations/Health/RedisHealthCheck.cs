using ChatBotHost.State;
using ChatBotHost.State.Redis;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace ChatBotHost.Operations.Health;

/// <summary>
/// Redis answers PING; without Redis the state is in memory, which is ready but says so. The description names no
/// endpoint: /health/ready is anonymous, and where Redis lives is nobody's business outside (the log at start says it).
/// </summary>
internal sealed class RedisHealthCheck(StateStoreInfo info, IServiceProvider services) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (!info.IsDurable || services.GetService<RedisConnection>() is not { } redis)
        {
            return HealthCheckResult.Healthy("No Redis configured: state is kept in memory and lost when the host stops");
        }

        try
        {
            var latency = await redis.PingAsync(cancellationToken).WaitAsync(TimeSpan.FromSeconds(3), cancellationToken);
            return HealthCheckResult.Healthy($"Redis answered PING in {latency.TotalMilliseconds:0.#} ms");
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // The exception's type only: its text could carry the endpoints or the connection string's password.
            return HealthCheckResult.Unhealthy($"Redis does not answer ({ex.GetType().Name})");
        }
    }
}
