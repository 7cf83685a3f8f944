namespace ChatBotHost.Configuration;

/// <summary>What becomes of cron occurrences that came due while no replica was running (ChatBotHost:Timers:CronMisfire).</summary>
public enum CronMisfirePolicy
{
    /// <summary>They are skipped; the job next runs at its next occurrence (the default).</summary>
    Skip,

    /// <summary>The latest one missed (within the last 3 days) runs once at start-up; older ones are skipped.</summary>
    FireOnce,
}
