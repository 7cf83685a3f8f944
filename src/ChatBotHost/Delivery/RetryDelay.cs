namespace ChatBotHost.Delivery;

/// <summary>Exponential backoff with jitter, the one formula every retry of the delivery side uses.</summary>
internal static class RetryDelay
{
    /// <summary>
    /// The wait after the <paramref name="failures"/>-th failure in a row: <paramref name="first"/> doubled per failure,
    /// capped at <paramref name="max"/>, then scaled by a random factor between 0.5 and 1 so that many callers (and
    /// replicas) that failed together do not retry together.
    /// </summary>
    public static TimeSpan After(int failures, TimeSpan first, TimeSpan max)
    {
        var exponential = TimeSpan.FromTicks(Math.Min(max.Ticks, first.Ticks << Math.Clamp(failures - 1, 0, 20)));
        var jittered = exponential.TotalMilliseconds * (0.5 + (Random.Shared.NextDouble() * 0.5));

        // Whole milliseconds, the unit timers count in, so a wait never ends a fraction early or late.
        return TimeSpan.FromMilliseconds(Math.Max(1, Math.Floor(jittered)));
    }
}
