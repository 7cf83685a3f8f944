using System.Text.Json;

namespace ChatBotHost.Emulator.Observation;

/// <summary>
/// One line of the chat page's panel: a REST call a bot made, an event handed to a bot, a webhook POST's outcome, or a
/// typing notice.
/// Bodies are masked when the entry is made (<see cref="SecretMask"/>), so no secret is ever kept here.
/// </summary>
internal sealed record ActivityEntry(long Sequence, string Kind, string Title, DateTimeOffset Timestamp)
{
    public const string RestKind = "rest";
    public const string EventKind = "event";
    public const string DeliveryKind = "delivery";
    public const string TypingKind = "typing";

    public int? BotId { get; init; }

    /// <summary>For typing notices: the chat the bot is typing in.</summary>
    public int? ChatId { get; init; }

    /// <summary>REST calls: the HTTP status answered; webhook deliveries: the bot's answer (null when none came).</summary>
    public int? Status { get; init; }

    public string? Error { get; init; }

    /// <summary>
    /// Masked JSON object: a call's parameters and answer, or an event's payload. Kept as one read-only value over its
    /// UTF-8 text: a node tree costs an object per value, several times the text, and the feed keeps hundreds of
    /// bodies (Event.get pages among them) for as long as the host runs.
    /// </summary>
    public JsonElement? Body { get; init; }

    /// <summary>Masked raw form body of a webhook POST (PHP http_build_query encoding).</summary>
    public string? Raw { get; init; }

    /// <summary>Typing notices: how long the indicator shows, in seconds.</summary>
    public int? Seconds { get; init; }
}
