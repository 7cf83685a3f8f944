using System.Text.Json.Serialization;
using ChatBotHost.Bitrix.Client;

namespace ChatBotHost.Bitrix.Requests.Notify;

/// <summary>
/// im.notify.delete (scope im): removes a notification by id, or the application's notifications by tag or sub-tag
/// (one of the three is required, else <see cref="ImNotifyErrors.ParamsError"/>). Answers true when done.
/// </summary>
public sealed record ImNotifyDeleteRequest : BitrixRequest<bool>
{
    /// <inheritdoc />
    public override string Method => "im.notify.delete";

    /// <summary>The notification to remove.</summary>
    [JsonPropertyName("ID")]
    public int? Id { get; init; }

    /// <summary>Removes the application's notifications with this tag.</summary>
    [JsonPropertyName("TAG")]
    public string? Tag { get; init; }

    /// <summary>Removes the application's notifications with this sub-tag.</summary>
    [JsonPropertyName("SUB_TAG")]
    public string? SubTag { get; init; }
}
