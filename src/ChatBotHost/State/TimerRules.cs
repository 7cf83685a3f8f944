namespace ChatBotHost.State;

/// <summary>Argument rules and claim tokens shared by the timer stores, so both reject the same input.</summary>
internal static class TimerRules
{
    /// <summary>Throws unless the lease is at least 1 ms (Redis scores are whole milliseconds) and max is positive.</summary>
    public static void ValidateClaim(TimeSpan lease, int max)
    {
        if (lease < TimeSpan.FromMilliseconds(1))
        {
            throw new ArgumentOutOfRangeException(nameof(lease), lease, "A claim lease must be at least 1 ms.");
        }

        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(max);
    }

    /// <summary>An unguessable token naming one claim.</summary>
    public static string NewClaimToken() => Guid.NewGuid().ToString("N");
}
