namespace ChatBotHost.State;

/// <summary>
/// A portal's leaky bucket (spec §2.4): every request adds one, the level drains at <see cref="DrainPerSecond"/>,
/// and a request is admitted only while the level stays at or below <see cref="Burst"/>.
/// </summary>
/// <param name="DrainPerSecond">How many requests per second the bucket lets out (2; Enterprise 5).</param>
/// <param name="Burst">How many requests fit in an empty bucket at once (50; Enterprise 250).</param>
public readonly record struct RateLimit(double DrainPerSecond, int Burst)
{
    /// <summary>The limits of every plan but Enterprise.</summary>
    public static RateLimit Standard { get; } = new(2, 50);

    /// <summary>Throws unless the drain is positive and finite and the burst at least one.</summary>
    public void Validate()
    {
        if (!double.IsFinite(DrainPerSecond) || DrainPerSecond <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(DrainPerSecond), DrainPerSecond, "The drain rate must be positive.");
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(Burst, 1, nameof(Burst));
    }

    /// <summary>How long a bucket at <paramref name="level"/> needs to drain to empty.</summary>
    public TimeSpan TimeToDrain(double level) => TimeSpan.FromSeconds(Math.Max(0, level) / DrainPerSecond);

    /// <summary>How long a bucket at <paramref name="level"/> needs until one more request fits.</summary>
    public TimeSpan WaitFor(double level)
    {
        var excess = level + 1 - Burst;
        // Whole milliseconds, rounded up, as the Redis script counts them, so both stores answer alike.
        return excess <= 0 ? TimeSpan.Zero : TimeSpan.FromMilliseconds(Math.Max(1, Math.Ceiling(excess * 1000 / DrainPerSecond)));
    }
}
