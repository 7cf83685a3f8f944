using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using ChatBotHost.Bitrix.Client;

namespace ChatBotHost.Bitrix.Requests.Notify;

/// <summary>
/// What the two ways of notifying a user take (im.notify.system.add, im.notify.personal.add). Both answer the new
/// notification's id, or null when the portal did not create it (it answers false), and fail with
/// <see cref="ImNotifyErrors.UserIdEmpty"/> or <see cref="ImNotifyErrors.MessageEmpty"/>.
/// </summary>
public abstract record ImNotifyAddRequest : BitrixRequest<int?>
{
    /// <summary>The user who gets the notification.</summary>
    [JsonPropertyName("USER_ID")]
    public required int UserId { get; init; }

    /// <summary>The text (BB-codes allowed); the portal trims it.</summary>
    [JsonPropertyName("MESSAGE")]
    public required string Message { get; init; }

    /// <summary>The text for e-mail and other outside channels.</summary>
    [JsonPropertyName("MESSAGE_OUT")]
    public string? MessageOut { get; init; }

    /// <summary>A tag unique within the application: a new notification with the same tag removes the older ones.</summary>
    [JsonPropertyName("TAG")]
    public string? Tag { get; init; }

    /// <summary>A further tag, not checked for uniqueness (im.notify.delete can remove by it).</summary>
    [JsonPropertyName("SUB_TAG")]
    public string? SubTag { get; init; }

    /// <summary>An attachment (the message attach format; at most 30 KB).</summary>
    [JsonPropertyName("ATTACH")]
    public JsonNode? Attach { get; init; }
}
