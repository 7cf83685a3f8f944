namespace ChatBotHost.Emulator.Limits;

/// <summary>
/// The portal's REST limits (spec §2.4) and their counters: the per-portal leaky bucket (off unless configured) and
/// the per-method operation-time limit, which tests trip on purpose. Thread-safe.
/// </summary>
public sealed class PortalLimits
{
    private readonly Lock _gate = new();
    private readonly TimeProvider _time;
    private readonly OperatingBlocks _operating;
    private LeakyBucket? _bucket;
    private long _accepted;
    private long _refused;
    private double _peak;

    internal PortalLimits(RateLimitOptions? rateLimit, TimeProvider time)
    {
        _time = time;
        _operating = new OperatingBlocks(time);
        SetRateLimit(rateLimit);
    }

    /// <summary>The request-rate limit in force, or null when requests are never refused for rate.</summary>
    public RateLimitOptions? RateLimit
    {
        get
        {
            lock (_gate)
            {
                return _bucket?.Options;
            }
        }
    }

    /// <summary>REST requests admitted (authenticated and not refused for rate); counted also when no limit is set.</summary>
    public long Accepted => Snapshot().Accepted;

    /// <summary>Requests refused with QUERY_LIMIT_EXCEEDED by the rate limit (injected faults are not counted here).</summary>
    public long Refused => Snapshot().Refused;

    /// <summary>The bucket's counter now, drained to the portal clock (0 when no limit is set).</summary>
    public double Level => Snapshot().Level;

    /// <summary>Replaces the rate limit (null turns it off) with an empty bucket; the counters carry on.</summary>
    public void SetRateLimit(RateLimitOptions? rateLimit)
    {
        lock (_gate)
        {
            _bucket = rateLimit is null ? null : new LeakyBucket(rateLimit, _time.GetUtcNow());
            _peak = 0;
        }
    }

    /// <summary>Accepted and refused requests and the bucket's level, read together.</summary>
    public RateLimitSnapshot Snapshot()
    {
        lock (_gate)
        {
            return new RateLimitSnapshot(_accepted, _refused, _bucket?.LevelAt(_time.GetUtcNow()) ?? 0, _peak);
        }
    }

    /// <summary>
    /// Declares <paramref name="method"/>'s operation-time budget spent: until the returned reset time (portal clock),
    /// each call of it, alone or inside a batch, is refused with 429 OPERATION_TIME_LIMIT; other methods are unaffected.
    /// </summary>
    public DateTimeOffset ExhaustOperatingTime(string method, TimeSpan resetAfter)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(method);
        return _operating.Block(method, resetAfter);
    }

    /// <summary>Lifts every operation-time block at once.</summary>
    public void ResetOperatingTime() => _operating.Clear();

    /// <summary>Counts one arriving request; false when the bucket refuses it.</summary>
    internal bool TryAdmit()
    {
        lock (_gate)
        {
            if (_bucket is not null && !_bucket.TryAdd(_time.GetUtcNow()))
            {
                _refused++;
                return false;
            }

            _accepted++;
            _peak = Math.Max(_peak, _bucket?.Level ?? 0);
            return true;
        }
    }

    internal DateTimeOffset? OperatingBlockedUntil(string method) => _operating.BlockedUntil(method);
}
