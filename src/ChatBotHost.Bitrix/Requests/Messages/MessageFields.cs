using System.Text.Json.Nodes;

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

    /// <summary>Post as a system message.</summary>
    public bool? System { get; init; }

    /// <summary>Expand link previews (default true).</summary>
    public bool? UrlPreview { get; init; }

    /// <summary>Quote this message id.</summary>
    public int? ReplyId { get; init; }
}
