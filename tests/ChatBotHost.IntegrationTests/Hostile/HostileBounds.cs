namespace ChatBotHost.IntegrationTests.Hostile;

/// <summary>
/// The limits every hostile request must stay within. Generous on purpose: they tell a refused body (milliseconds)
/// from one that is decoded without limits (seconds of CPU, hundreds of MB), not a fast host from a slow one.
/// </summary>
internal static class HostileBounds
{
    public static readonly TimeSpan Wall = TimeSpan.FromSeconds(2);
    public static readonly TimeSpan Cpu = TimeSpan.FromSeconds(1);
    public const long AllocatedBytes = 64L * 1024 * 1024;
    public const long WorkingSetGrowth = 512L * 1024 * 1024;

    /// <summary>Slow body senders: Kestrel's minimum body rate (240 B/s after a 5 s grace) cuts them.</summary>
    public static readonly TimeSpan SlowBody = TimeSpan.FromSeconds(20);

    /// <summary>Slow header senders: Kestrel's request-headers timeout (30 s unless set lower) cuts them.</summary>
    public static readonly TimeSpan SlowHeaders = TimeSpan.FromSeconds(40);

    /// <summary>How many requests may go unanswered before the run stops: a host that hangs on them only gets slower.</summary>
    public const int MaxTimeouts = 3;
}
