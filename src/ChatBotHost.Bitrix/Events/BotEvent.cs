using ChatBotHost.Bitrix.Entities;

namespace ChatBotHost.Bitrix.Events;

/// <summary>
/// One ONIMBOTV2* event, decoded from either wire format into the same typed model.
/// </summary>
public abstract record BotEvent
{
    /// <summary>The wire name, e.g. ONIMBOTV2MESSAGEADD.</summary>
    public abstract string Type { get; }

    /// <summary>How the event reached the host.</summary>
    public EventSource Source { get; init; }

    /// <summary>The queue position in fetch mode; webhook deliveries have none.</summary>
    public long? EventId { get; init; }

    /// <summary>When the event happened (fetch: envelope date; webhook: ts).</summary>
    public DateTimeOffset? Date { get; init; }

    /// <summary>The bot the event is for.</summary>
    public BotInfo Bot { get; init; } = new();

    /// <summary>The portal language of the event, e.g. en.</summary>
    public string? Language { get; init; }

    /// <summary>The dialog to answer into, or null for events that belong to no dialog.</summary>
    public virtual string? DialogId => null;

    /// <summary>
    /// A key that is the same for every delivery of this event, used to drop repeats:
    /// the eventId in fetch mode, and type plus the ids the event carries in webhook mode (which has no eventId).
    /// </summary>
    public string DeduplicationKey => EventId is { } id ? $"e:{id}" : $"w:{Type}:{NaturalKey}";

    /// <summary>The ids that identify this event without an eventId.</summary>
    protected abstract string NaturalKey { get; }
}
