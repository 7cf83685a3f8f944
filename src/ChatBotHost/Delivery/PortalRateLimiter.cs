using ChatBotHost.Operations.Metrics;
using ChatBotHost.State;
using ChatBotHost.State.InMemory;

namespace ChatBotHost.Delivery;

/// <summary>
/// Makes a request to a portal wait its turn in the portal's leaky bucket, shared by all replicas through
/// <see cref="IRateLimitStore"/>, and is held when the portal still says the rate was exceeded. While the shared
/// store is unreachable, a bucket in this process stands in: the host keeps talking to the portal, within the limit
/// as far as this replica alone can tell.
/// </summary>
internal sealed partial class PortalRateLimiter
{
    private readonly IRateLimitStore _store;
    private readonly InMemoryRateLimitStore _fallback;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private volatile bool _degraded;

    public PortalRateLimiter(IRateLimitStore store, RateLimit limit, TimeProvider time, ILogger<PortalRateLimiter> logger, HostMetrics? metrics = null)
    {
        limit.Validate();
        _store = store;
        _fallback = new InMemoryRateLimitStore(time);
        _time = time;
        _logger = logger;
        Limit = limit;
        Metrics = metrics;
    }

    public RateLimit Limit { get; }

    /// <summary>Where the waits are measured; null where nothing is measured.</summary>
    public HostMetrics? Metrics { get; }

    /// <summary>Returns once the portal's bucket admitted one request.</summary>
    public async Task WaitAsync(string portal, CancellationToken cancellationToken)
    {
        var started = _time.GetTimestamp();
        var waited = false;
        while (await TryAcquireAsync(portal, cancellationToken) is var wait && wait > TimeSpan.Zero)
        {
            waited = true;
            await Task.Delay(wait, _time, cancellationToken);
        }

        if (waited)
        {
            Metrics?.RateLimiterWaited(portal, _time.GetElapsedTime(started));
        }
    }

    /// <summary>
    /// Holds the whole bucket for <paramref name="hold"/> after the portal answered QUERY_LIMIT_EXCEEDED (or any
    /// other 429), so every caller on every replica pauses; the call pipeline decides when.
    /// </summary>
    public async Task HoldAsync(string portal, string method, string error, TimeSpan hold, CancellationToken cancellationToken)
    {
        LogQueryLimit(_logger, method, portal, error, hold.TotalSeconds);
        try
        {
            await _store.HoldAsync(portal, Limit, hold, cancellationToken);
        }
        catch (Exception e) when (IsStoreFailure(e, cancellationToken))
        {
            await _fallback.HoldAsync(portal, Limit, hold, cancellationToken);
        }
    }

    private async Task<TimeSpan> TryAcquireAsync(string portal, CancellationToken cancellationToken)
    {
        try
        {
            var wait = await _store.TryAcquireAsync(portal, Limit, cancellationToken);
            if (_degraded)
            {
                _degraded = false;
                LogShared(_logger, portal);
            }

            return wait;
        }
        catch (Exception e) when (IsStoreFailure(e, cancellationToken))
        {
            if (!_degraded)
            {
                _degraded = true;
                LogLocal(_logger, e, portal);
            }

            return await _fallback.TryAcquireAsync(portal, Limit, cancellationToken);
        }
    }

    private static bool IsStoreFailure(Exception e, CancellationToken cancellationToken) =>
        !(e is OperationCanceledException && cancellationToken.IsCancellationRequested) && e is not ArgumentException;

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Method} on {Portal}: {Error}; holding the portal's request bucket for {HoldSeconds:0.#} s")]
    private static partial void LogQueryLimit(ILogger logger, string method, string portal, string error, double holdSeconds);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The shared rate-limit store is unreachable; limiting requests to {Portal} in this process only until it is back")]
    private static partial void LogLocal(ILogger logger, Exception exception, string portal);

    [LoggerMessage(Level = LogLevel.Information, Message = "The shared rate-limit store is reachable again; requests to {Portal} are limited across replicas")]
    private static partial void LogShared(ILogger logger, string portal);
}
