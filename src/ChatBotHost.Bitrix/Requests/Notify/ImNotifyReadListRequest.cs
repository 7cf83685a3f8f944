using System.Text.Json.Serialization;
using ChatBotHost.Bitrix.Client;

namespace ChatBotHost.Bitrix.Requests.Notify;

/// <summary>
/// im.notify.read.list (scope im): marks the listed notifications read or unread (confirm notifications excepted);
/// fails with <see cref="ImNotifyErrors.ParamsError"/> without ids. Answers true.
/// </summary>
public sealed record ImNotifyReadListRequest : BitrixRequest<bool>
{
    /// <inheritdoc />
    public override string Method => "im.notify.read.list";

    /// <summary>The notifications to mark.</summary>
    [JsonPropertyName("IDS")]
    public required IReadOnlyList<int> Ids { get; init; }

    /// <summary>True marks them read, false unread; sent as Y/N.</summary>
    [JsonPropertyName("ACTION")]
    [JsonConverter(typeof(YesNoConverter))]
    public bool? Read { get; init; }
}
