namespace ChatBotHost.Configuration;

/// <summary>ChatBotHost:Timers — how the host fires timers (dialog timeouts, scheduled messages and callbacks).</summary>
public sealed class TimerOptions
{
    /// <summary>How often each replica looks for timers that came due; also the worst-case lateness of a timer.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// How long a replica owns a due timer it took while it moves it into the dialog's inbox; if it dies meanwhile,
    /// another replica fires the timer after this. (The turn itself runs from the inbox, under the inbox's claim.)
    /// </summary>
    public TimeSpan ClaimLease { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>Cron occurrences missed while every replica was down: skipped (default) or the latest run once at start.</summary>
    public CronMisfirePolicy CronMisfire { get; set; } = CronMisfirePolicy.Skip;
}
