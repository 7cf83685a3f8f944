using ChatBotHost.State;

namespace ChatBotHost.Configuration;

/// <summary>
/// ChatBotHost:RateLimit — the portal's leaky bucket (spec §2.4), which every replica of the host shares.
/// Defaults are every plan's but Enterprise (2 per second, burst 50); Enterprise portals allow 5 and 250.
/// </summary>
public sealed class RateLimitOptions
{
    /// <summary>Requests per second the bucket lets out.</summary>
    public double DrainPerSecond { get; set; } = RateLimit.Standard.DrainPerSecond;

    /// <summary>Requests an empty bucket takes at once.</summary>
    public int Burst { get; set; } = RateLimit.Standard.Burst;

    /// <summary>The settings as the limit the stores work with.</summary>
    public RateLimit ToLimit() => new(DrainPerSecond, Burst);
}
