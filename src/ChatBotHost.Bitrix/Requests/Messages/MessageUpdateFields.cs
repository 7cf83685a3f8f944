using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace ChatBotHost.Bitrix.Requests.Messages;

/// <summary>The <c>fields</c> of Chat.Message.update (spec §4.3).</summary>
public sealed record MessageUpdateFields
{
    /// <summary>New text with BB-codes.</summary>
    public string? Message { get; init; }

    /// <summary>New rich blocks.</summary>
    public JsonNode? Attach { get; init; }

    /// <summary>New keyboard; the string "N" removes it.</summary>
    public JsonNode? Keyboard { get; init; }

    /// <summary>Expand link previews; this method takes only the strings "Y"/"N" (spec §10.7).</summary>
    [JsonConverter(typeof(YesNoConverter))]
    public bool? UrlPreview { get; init; }
}
