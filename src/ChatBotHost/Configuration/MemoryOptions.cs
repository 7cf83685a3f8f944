namespace ChatBotHost.Configuration;

/// <summary>ChatBotHost:Memory — giving memory back to the system when the host goes quiet.</summary>
public sealed class MemoryOptions
{
    /// <summary>
    /// Whether the host runs one full, compacting collection when it turns quiet after a busy spell, so that the heap
    /// the garbage collector grew for the load goes back to the system instead of staying committed while nothing runs.
    /// </summary>
    public bool TrimWhenIdle { get; set; } = true;

    /// <summary>How long the host must stay quiet (allocating next to nothing) before it trims.</summary>
    public TimeSpan IdleAfter { get; set; } = TimeSpan.FromSeconds(5);
}
