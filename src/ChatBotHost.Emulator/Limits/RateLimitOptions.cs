namespace ChatBotHost.Emulator.Limits;

/// <summary>
/// Bitrix24's per-portal request-rate limit (a leaky bucket, spec §2.4): every REST request (a batch is one) adds 1
/// to a counter that drains by <see cref="DrainPerSecond"/> each second; a request arriving while the counter is above
/// <see cref="Burst"/> is refused. From an empty bucket, Burst + 1 requests pass at once.
/// </summary>
public sealed record RateLimitOptions
{
    /// <summary>Bitrix24's plans other than Enterprise: drains 2 requests/s, refuses above 50.</summary>
    public static RateLimitOptions Standard { get; } = new();

    /// <summary>Bitrix24 Enterprise: drains 5 requests/s, refuses above 250.</summary>
    public static RateLimitOptions Enterprise { get; } = new() { DrainPerSecond = 5, Burst = 250 };

    /// <summary>How much the counter drains per second (the documentation's Y).</summary>
    public double DrainPerSecond { get; init; } = 2;

    /// <summary>The counter value above which requests are refused (the documentation's X).</summary>
    public int Burst { get; init; } = 50;

    /// <summary>
    /// The HTTP status of a refusal: 503 as the platform documents it; 429 models what the imbot docs claim (spec §10.5).
    /// </summary>
    public int RefusalStatus { get; init; } = 503;
}
