using System.Text.Json.Serialization;
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
    /// Webhook deliveries: a hash of the delivery's exact body (set by <see cref="WebhookEventDecoder"/>); null for
    /// events from anywhere else. Not part of the event's JSON: it names the delivery, not the event.
    /// </summary>
    [JsonIgnore]
    public string? DeliveryHash { get; init; }

    /// <summary>
    /// The key under which a handled event is remembered, so a repeat is dropped. Fetch mode: the eventId. Webhook mode:
    /// type plus <see cref="DeliveryHash"/>, so only the identical body posted again counts as a repeat — Bitrix24 never
    /// retries a delivery, and a key built from ids would merge different presses and edits of one message. Events the
    /// host makes itself (timers) or a test builds in code: type plus <see cref="NaturalKey"/>.
    /// </summary>
    public string DeduplicationKey =>
        EventId is { } id ? $"e:{id}"
        : DeliveryHash is { } delivery ? $"w:{Type}:{delivery}"
        : $"w:{Type}:{NaturalKey}";

    /// <summary>The ids that identify an event that has neither an eventId nor a delivery body (see <see cref="DeduplicationKey"/>).</summary>
    protected abstract string NaturalKey { get; }
}
