namespace ChatBotHost.State.InMemory;

/// <summary>Leaky buckets in process memory (local mode, tests, and the fallback while Redis is unreachable).</summary>
public sealed class InMemoryRateLimitStore : IRateLimitStore
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, Bucket> _buckets = new(StringComparer.Ordinal);
    private readonly TimeProvider _time;

    // Buckets are keyed by what callers name, and some names come from senders (install attempts per member_id): a
    // drained bucket is forgotten, as the Redis store lets its key expire, once the map has doubled since the last sweep.
    private int _sweepAt = MinSweepSize;
    private const int MinSweepSize = 1024;

    /// <summary>Creates the store on the given clock (tests pass a fake one), or on the system clock.</summary>
    public InMemoryRateLimitStore(TimeProvider? time = null)
    {
        _time = time ?? TimeProvider.System;
    }

    /// <summary>How many buckets are held (drained ones included until the next sweep).</summary>
    internal int BucketCount
    {
        get
        {
            lock (_gate)
            {
                return _buckets.Count;
            }
        }
    }

    /// <inheritdoc />
    public Task<TimeSpan> TryAcquireAsync(string portal, RateLimit limit, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(portal);
        limit.Validate();
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            var now = _time.GetUtcNow();
            var level = LevelAt(portal, limit, now);
            var wait = limit.WaitFor(level);
            if (wait == TimeSpan.Zero)
            {
                _buckets[portal] = new Bucket(level + 1, now, now + limit.TimeToDrain(level + 1));
                SweepIfGrown(now);
            }

            // A refusal leaves the bucket as it was, so the level keeps draining from the last admission exactly.
            return Task.FromResult(wait);
        }
    }

    /// <inheritdoc />
    public Task HoldAsync(string portal, RateLimit limit, TimeSpan hold, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(portal);
        limit.Validate();
        ArgumentOutOfRangeException.ThrowIfLessThan(hold, TimeSpan.Zero);
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            var now = _time.GetUtcNow();
            // A level of burst - 1 + drain × hold takes exactly `hold` to drain back to where one request fits.
            var held = limit.Burst - 1 + (limit.DrainPerSecond * hold.TotalSeconds);
            var level = Math.Max(LevelAt(portal, limit, now), held);
            _buckets[portal] = new Bucket(level, now, now + limit.TimeToDrain(level));
            SweepIfGrown(now);
        }

        return Task.CompletedTask;
    }

    private double LevelAt(string portal, RateLimit limit, DateTimeOffset now)
    {
        if (!_buckets.TryGetValue(portal, out var bucket))
        {
            return 0;
        }

        var elapsed = now - bucket.At;
        return elapsed <= TimeSpan.Zero ? bucket.Level : Math.Max(0, bucket.Level - (elapsed.TotalSeconds * limit.DrainPerSecond));
    }

    private void SweepIfGrown(DateTimeOffset now)
    {
        if (_buckets.Count < _sweepAt)
        {
            return;
        }

        foreach (var (key, bucket) in _buckets)
        {
            if (bucket.EmptyAt <= now)
            {
                _buckets.Remove(key);
            }
        }

        _sweepAt = Math.Max(MinSweepSize, _buckets.Count * 2);
    }

    private readonly record struct Bucket(double Level, DateTimeOffset At, DateTimeOffset EmptyAt);
}
