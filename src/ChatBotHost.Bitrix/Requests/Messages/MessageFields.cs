using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace ChatBotHost.Bitrix.Requests.Messages;

/// <summary>The <c>fields</c> of Chat.Message.send and Command.answer (spec §4.3).</summary>
public sealed record MessageFields
{
    /// <summary>Text with BB-codes, up to 20,000 characters.</summary>
    public string? Message { get; init; }

    /// <summary>Rich blocks (spec §6.4).</summary>
    public JsonNode? Attach { get; init; }

    /// <summary>Buttons under the message (spec §6.3).</summary>
    public JsonNode? Keyboard { get; init; }

    /// <summary>Post as a system message; sent as "Y"/"N" because portals before rev 33 ignore JSON booleans here.</summary>
    [JsonConverter(typeof(YesNoConverter))]
    public bool? System { get; init; }

    /// <summary>Expand link previews (default true); sent as "Y"/"N" like <see cref="System"/>.</summary>
    [JsonConverter(typeof(YesNoConverter))]
    public bool? UrlPreview { get; init; }

    /// <summary>Quote this message id.</summary>
    public int? ReplyId { get; init; }

    /// <summary>UUID of a message template.</summary>
    public string? TemplateId { get; init; }

    /// <summary>Messages to forward, keyed by any UUID you choose (at most 100); answered back in the result's uuidMap.</summary>
    public IReadOnlyDictionary<string, int>? ForwardIds { get; init; }

    /// <summary>Open Channel connector flag: do not pass the message to the external connector ("Y"/"N").</summary>
    [JsonConverter(typeof(YesNoConverter))]
    public bool? SkipConnector { get; init; }

    /// <summary>Open Channel connector flag: pass the message silently ("Y"/"N").</summary>
    [JsonConverter(typeof(YesNoConverter))]
    public bool? SilentConnector { get; init; }
}
