namespace ChatBotHost.Emulator.Limits;

/// <summary>The counter behind <see cref="RateLimitOptions"/>, drained lazily from the clock on every look. Not thread-safe.</summary>
internal sealed class LeakyBucket(RateLimitOptions options, DateTimeOffset now)
{
    private DateTimeOffset _drainedAt = now;

    public RateLimitOptions Options { get; } = Validated(options);

    public double Level { get; private set; }

    /// <summary>Adds the request unless the counter is above the burst; false means refused (and not counted).</summary>
    public bool TryAdd(DateTimeOffset now)
    {
        Drain(now);
        if (Level > Options.Burst)
        {
            return false;
        }

        Level += 1;
        return true;
    }

    public double LevelAt(DateTimeOffset now)
    {
        Drain(now);
        return Level;
    }

    private void Drain(DateTimeOffset now)
    {
        // A clock that steps back (a test rewinding its fake) drains nothing rather than filling the bucket.
        var elapsed = Math.Max(0, (now - _drainedAt).TotalSeconds);
        Level = Math.Max(0, Level - (elapsed * Options.DrainPerSecond));
        _drainedAt = now > _drainedAt ? now : _drainedAt;
    }

    private static RateLimitOptions Validated(RateLimitOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentOutOfRangeException.ThrowIfNegative(options.DrainPerSecond, nameof(options));
        ArgumentOutOfRangeException.ThrowIfNegative(options.Burst, nameof(options));
        return options;
    }
}
