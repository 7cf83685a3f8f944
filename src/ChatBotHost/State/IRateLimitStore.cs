namespace ChatBotHost.State;

/// <summary>
/// The per-portal leaky buckets shared by every replica of the host, so all of them together stay within the
/// portal's request rate.
/// </summary>
public interface IRateLimitStore
{
    /// <summary>
    /// Admits one request (adding it to the bucket) and returns <see cref="TimeSpan.Zero"/>, or, when the bucket is
    /// too full, adds nothing and returns how long to wait before asking again.
    /// </summary>
    Task<TimeSpan> TryAcquireAsync(string portal, RateLimit limit, CancellationToken cancellationToken);

    /// <summary>
    /// Treats the bucket as full for <paramref name="hold"/> (the portal said QUERY_LIMIT_EXCEEDED): no request is
    /// admitted before it has passed. A longer wait already in the bucket is kept.
    /// </summary>
    Task HoldAsync(string portal, RateLimit limit, TimeSpan hold, CancellationToken cancellationToken);
}
