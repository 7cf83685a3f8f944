using System.Text.Json;
using System.Text.Json.Serialization;

namespace ChatBotHost.Bitrix.Requests.Events;

/// <summary>A page of events, kept raw for the fetch decoder, and the offset that confirms them.</summary>
[JsonConverter(typeof(EventGetResultConverter))]
public sealed record EventGetResult
{
    /// <summary>The events as sent: {eventId, type, date, data}, oldest first.</summary>
    public IReadOnlyList<JsonElement> Events { get; init; } = [];

    /// <summary>Pass as offset on the next call once these events are stored; 0 when the portal sent none.</summary>
    public long NextOffset { get; init; }

    /// <summary>More events are waiting: poll again soon.</summary>
    public bool HasMore { get; init; }
}
