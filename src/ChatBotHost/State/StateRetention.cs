namespace ChatBotHost.State;

/// <summary>Retention defaults and the rule every retention must satisfy.</summary>
public static class StateRetention
{
    /// <summary>How long an untouched dialog's state is kept when nothing else is configured.</summary>
    public static readonly TimeSpan DefaultDialogState = TimeSpan.FromDays(30);

    /// <summary>Throws unless the retention is at least one millisecond (Redis expiries are whole milliseconds).</summary>
    public static void Validate(TimeSpan retention, string parameterName = "retention")
    {
        if (retention < TimeSpan.FromMilliseconds(1))
        {
            throw new ArgumentOutOfRangeException(parameterName, retention, "A retention must be at least 1 ms.");
        }
    }
}
