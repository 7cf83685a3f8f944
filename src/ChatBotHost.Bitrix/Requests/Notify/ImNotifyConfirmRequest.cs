using System.Text.Json.Serialization;
using ChatBotHost.Bitrix.Client;

namespace ChatBotHost.Bitrix.Requests.Notify;

/// <summary>
/// im.notify.confirm (scope im): presses a button of a confirm notification for the calling user. Fails with
/// <see cref="ImNotifyErrors.IdError"/> or <see cref="ImNotifyErrors.NotifyValueError"/>.
/// </summary>
public sealed record ImNotifyConfirmRequest : BitrixRequest<ImNotifyAnswerResult>
{
    /// <inheritdoc />
    public override string Method => "im.notify.confirm";

    /// <summary>The notification whose button is pressed.</summary>
    [JsonPropertyName("ID")]
    public required int Id { get; init; }

    /// <summary>The pressed button's value, e.g. "Y" for accept and "N" for decline; must not be empty.</summary>
    [JsonPropertyName("NOTIFY_VALUE")]
    public required string NotifyValue { get; init; }
}
