namespace ChatBotHost.State;

/// <summary>A timer the host fires on its own: a dialog inactivity timeout, a scheduled message or callback.</summary>
public sealed record TimerEntry
{
    /// <summary>The portal key the timer belongs to.</summary>
    public required string Portal { get; init; }

    /// <summary>The bot the timer belongs to.</summary>
    public required string BotCode { get; init; }

    /// <summary>Unique per (Portal, BotCode); scheduling an existing id replaces that timer.</summary>
    public required string Id { get; init; }

    /// <summary>The dialog the timer fires into, if any.</summary>
    public string? DialogId { get; init; }

    /// <summary>When the timer is due.</summary>
    public required DateTimeOffset DueAt { get; init; }

    /// <summary>What kind of timer this is (e.g. "dialog", "message", "callback"); opaque to the store.</summary>
    public required string Kind { get; init; }

    /// <summary>The timer's name within its kind; opaque to the store.</summary>
    public required string Name { get; init; }

    /// <summary>JSON text handed back when the timer fires; opaque to the store.</summary>
    public string? Payload { get; init; }

    /// <summary>The language code of the turn that set the timer; the timer's turn runs in it (null: English).</summary>
    public string? Language { get; init; }
}
