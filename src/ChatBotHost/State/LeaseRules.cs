namespace ChatBotHost.State;

/// <summary>The argument rule both lease stores apply, so they reject the same input.</summary>
internal static class LeaseRules
{
    /// <summary>Throws unless the time to live is at least 1 ms (Redis expiries are whole milliseconds).</summary>
    public static void ValidateTtl(TimeSpan ttl)
    {
        if (ttl < TimeSpan.FromMilliseconds(1))
        {
            throw new ArgumentOutOfRangeException(nameof(ttl), ttl, "A lease time to live must be at least 1 ms.");
        }
    }
}
