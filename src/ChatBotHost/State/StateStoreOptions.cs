using ChatBotHost.State.Redis;

namespace ChatBotHost.State;

/// <summary>Where state lives and how long dialog state is kept.</summary>
public sealed class StateStoreOptions
{
    /// <summary>How long an untouched dialog's state is kept when nothing else is configured.</summary>
    public static readonly TimeSpan DefaultDialogStateRetention = TimeSpan.FromDays(30);

    /// <summary>StackExchange.Redis configuration string (setting ChatBotHost:Redis:Configuration); empty: in-memory state.</summary>
    public string? RedisConfiguration { get; set; }

    /// <summary>Prefix of every Redis key, so several hosts can share one Redis.</summary>
    public string KeyPrefix { get; set; } = RedisKeys.DefaultPrefix;

    /// <summary>How long a dialog's state survives without a save; every save restarts the clock.</summary>
    public TimeSpan DialogStateRetention { get; set; } = DefaultDialogStateRetention;

    /// <summary>Throws unless the retention is at least one millisecond (Redis expiries are whole milliseconds).</summary>
    public static void ValidateRetention(TimeSpan retention)
    {
        if (retention < TimeSpan.FromMilliseconds(1))
        {
            throw new ArgumentOutOfRangeException(nameof(retention), retention, "A retention must be at least 1 ms.");
        }
    }
}
