using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace ChatBotHost.Bitrix.Requests.Messages;

/// <summary>The id of the posted message, plus ids of forwarded copies.</summary>
public sealed record ChatMessageSendResult
{
    /// <summary>The new message's id.</summary>
    public int Id { get; init; }

    /// <summary>The forwardIds UUIDs mapped to the new messages' ids; empty (PHP sends <c>[]</c>) when nothing was forwarded.</summary>
    [JsonConverter(typeof(PhpObjectConverter))]
    public JsonObject? UuidMap { get; init; }
}
