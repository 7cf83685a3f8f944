namespace ChatBotHost.State;

/// <summary>
/// One inbound event waiting in its dialog's inbox, kept in the wire form it arrived in, so the worker decodes it with
/// the same decoders the intake would have used and a decoder fix applies to what is already queued.
/// </summary>
public sealed record InboxItem
{
    /// <summary>The <see cref="DialogId"/> of events that belong to no dialog (they queue per bot).</summary>
    public const string NoDialog = "-";

    /// <summary>The portal key.</summary>
    public required string Portal { get; init; }

    /// <summary>The bot the event is for.</summary>
    public required string BotCode { get; init; }

    /// <summary>The dialog the event belongs to, or <see cref="NoDialog"/>; events of one dialog run one at a time, in order.</summary>
    public required string DialogId { get; init; }

    /// <summary>
    /// The event's deduplication key (fetch: its eventId), for logs and dead letters. A webhook delivery is stored
    /// undecoded, so its key is known, and recorded here, once a worker has decoded it; until then it is null.
    /// </summary>
    public string? DeduplicationKey { get; init; }

    /// <summary>How logs name the event: its deduplication key, or that it is not decoded yet.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public string LogName => DeduplicationKey ?? $"({Source} event not decoded yet)";

    /// <summary>How the event arrived: one of <see cref="Sources"/>; says how <see cref="Payload"/> is decoded.</summary>
    public required string Source { get; init; }

    /// <summary>The raw wire form: the fetched event's JSON, the webhook body, or the fired timer's JSON.</summary>
    public required string Payload { get; init; }

    /// <summary>The webhook body's Content-Type; null for the other sources.</summary>
    public string? ContentType { get; init; }

    /// <summary>When the host stored the event; an empty dialog's inbox becomes claimable at this time.</summary>
    public required DateTimeOffset ReceivedAt { get; init; }

    /// <summary>
    /// How many attempts of this event came to nothing so far: turns that failed (with any exception, in the decoder or
    /// the pipeline) and claims that ran out before the turn settled (the replica running it died or hung).
    /// </summary>
    public int Attempts { get; init; }

    /// <summary>
    /// The W3C traceparent of the intake that stored the event, so its turn continues the event's trace wherever and
    /// whenever it runs; null for an event stored outside any trace, or before the host traced (such entries stay readable).
    /// </summary>
    public string? TraceParent { get; init; }

    /// <summary>The values of <see cref="Source"/>.</summary>
    public static class Sources
    {
        /// <summary>An element of Event.get's result.events (JSON).</summary>
        public const string Fetch = "fetch";

        /// <summary>A webhook POST body (PHP form or JSON, see <see cref="ContentType"/>).</summary>
        public const string Webhook = "webhook";

        /// <summary>A fired timer (the host's own JSON).</summary>
        public const string Timer = "timer";

        /// <summary>The administrator's decision on a method, for one waiting dialog (the host's own JSON, no token).</summary>
        public const string Confirmation = "confirm";
    }
}
