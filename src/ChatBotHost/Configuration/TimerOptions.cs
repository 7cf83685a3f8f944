namespace ChatBotHost.Configuration;

/// <summary>ChatBotHost:Timers — how the host fires timers (dialog timeouts, scheduled messages and callbacks).</summary>
public sealed class TimerOptions
{
    /// <summary>How often each replica looks for timers that came due; also the worst-case lateness of a timer.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// How long a replica owns a timer it took; if it dies meanwhile, another replica fires the timer after this.
    /// Must exceed the longest turn.
    /// </summary>
    public TimeSpan ClaimLease { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>A timer whose turn keeps failing is retried (once per lease) until it is this late, then dropped with an error.</summary>
    public TimeSpan RetryWindow { get; set; } = TimeSpan.FromHours(1);
}
