namespace ChatBotHost.Configuration;

/// <summary>ChatBotHost:Inbox — the workers that run queued events through the pipeline.</summary>
public sealed class InboxOptions
{
    /// <summary>
    /// How many turns (of different dialogs) one replica runs at the same time. A turn mostly waits (for its replies
    /// to leave under the portal's rate limit), and a batch can only gather the calls of turns that are waiting: to fill
    /// batches of 50 on the up to 4 requests in flight takes 200 waiting turns, hence 256. Turns are async, so a
    /// waiting one costs memory, not a thread.
    /// </summary>
    public int Workers { get; set; } = 256;

    /// <summary>
    /// How long a replica owns a dialog it took; renewed while the turn runs. If the replica dies, another takes the
    /// dialog over after this.
    /// </summary>
    public TimeSpan ClaimLease { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How many times a failing event is tried before it goes to the dead-letter list.</summary>
    public int MaxAttempts { get; set; } = 5;
}
