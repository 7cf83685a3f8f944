namespace ChatBotHost.Configuration;

/// <summary>ChatBotHost:Outbox — how replies and other calls of a turn are sent to the portal.</summary>
public sealed class SendQueueOptions
{
    /// <summary>The most calls coalesced into one batch request (1–50; 1 sends every call on its own).</summary>
    public int MaxBatchSize { get; set; } = 50;

    /// <summary>Requests to one portal the outbox keeps in flight at once (1–16).</summary>
    public int MaxConcurrentRequests { get; set; } = 4;

    /// <summary>Attempts of a call that keeps failing transiently (5xx, timeouts, rate limits) before it is given up.</summary>
    public int MaxAttempts { get; set; } = 8;

    /// <summary>The wait before the first retry; it doubles with each further failure.</summary>
    public TimeSpan FirstRetryDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>The longest wait between two attempts of a call.</summary>
    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromMinutes(1);
}
