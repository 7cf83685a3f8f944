namespace ChatBotHost.State.InMemory;

/// <summary>Leaky buckets in process memory (local mode, tests, and the fallback while Redis is unreachable).</summary>
public sealed class InMemoryRateLimitStore : IRateLimitStore
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, Bucket> _buckets = new(StringComparer.Ordinal);
    private readonly TimeProvider _time;

    /// <summary>Creates the store on the given clock (tests pass a fake one), or on the system clock.</summary>
    public InMemoryRateLimitStore(TimeProvider? time = null)
    {
        _time = time ?? TimeProvider.System;
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
                _buckets[portal] = new Bucket(level + 1, now);
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
            _buckets[portal] = new Bucket(Math.Max(LevelAt(portal, limit, now), held), now);
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

    private readonly record struct Bucket(double Level, DateTimeOffset At);
}
