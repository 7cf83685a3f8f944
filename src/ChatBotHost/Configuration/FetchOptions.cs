namespace ChatBotHost.Configuration;

/// <summary>ChatBotHost:Fetch. Defaults follow spec §5.2.</summary>
public sealed class FetchOptions
{
    /// <summary>
    /// After an Event.get that returned everything (hasMore=false), the longest the next one waits for a batch of the bot's
    /// replies to ride in before it goes as a request of its own.
    /// </summary>
    public TimeSpan IdleDelay { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>The same after an Event.get that left more events behind (hasMore=true).</summary>
    public TimeSpan BusyDelay { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>Events asked for per Event.get (1–1000).</summary>
    public int BatchSize { get; set; } = 100;

    /// <summary>Longest wait between attempts while Event.get keeps failing.</summary>
    public TimeSpan MaxBackoff { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>
    /// How long a replica owns the polling of a bot; renewed while it polls. If it dies, another replica takes polling
    /// over after this.
    /// </summary>
    public TimeSpan PollerLease { get; set; } = TimeSpan.FromSeconds(15);
}
